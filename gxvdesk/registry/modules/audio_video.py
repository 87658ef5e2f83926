"""1. Audio Video Parameters (document p.12-15): ``/goform/audio_video``, set/get."""

from ..spec import Module, Param
from ..types import IntRange, Raw, Resolution, Switch, choice, choices

ENCODER = choices({96: "H.264", 26: "MJPEG"})
PROFILE = choice("Baseline", "Main", "High")
BRTYPE = choice("VBR (variable)", "CBR (constant)")
AUDIO_BITRATE = choices({16: "16 kbps", 32: "32 kbps"})
AUDIO_ENCODER = choices({0: "PCMU", 1: "PCMA", 2: "G.726", 3: "Disabled", 4: "Other (4)"})
RESOLUTIONS = Resolution.of(
    (1920, 1080), (1280, 960), (1280, 720), (1024, 768), (800, 600), (704, 576), (704, 480),
    (640, 480), (640, 360), (480, 270), (352, 288), (352, 240), (320, 240), (176, 144),
)  # fmt: skip
VOLUME_10 = ("GXV3601", "GXV3611_HD", "GXV3501", "GXV3504", "GXV3615W")
VOLUME_5 = ("GXV3651", "GXV3662", "GXV3615WP", "GXV3500", "GXV3610", "GXV3672", "GXV3674")


def _volume(name: str, label: str) -> Param:
    return Param(
        name, IntRange(1, 10), label,
        "1-10 on GXV3601HD/3611HD/3501/3504/3615/3615W; 1-5 on GXV3651FHD/3662HD/3615WP_HD/"
        "3500/3610/3672/3674.",
        model_types=(*((f, IntRange(1, 10)) for f in VOLUME_10),
                     *((f, IntRange(1, 5)) for f in VOLUME_5)),
    )  # fmt: skip


def _stream(which: str) -> tuple[Param, ...]:
    w = which.capitalize()
    return (
        Param(f"video.{which}.encoder", ENCODER, f"{w} video codec",
              "H.264 or MJPEG (MJPEG not on every model); set it together with the bitrate.",
              default=96, companions=(f"video.{which}.bitrate",)),
        Param(f"video_{which}_profile", PROFILE, f"{w} H.264 profile", confidence="H"),
        Param(f"video.{which}.resolution", RESOLUTIONS, f"{w} resolution",
              "Width in the high 2 bytes, height in the low 2; varies by model and NTSC/PAL."),
        Param(f"video.{which}.bitrate", IntRange(16, 8192, "kbps"), f"{w} bitrate",
              "Video bitrate in kbps; the maximum varies by model."),
        Param(f"video.{which}.brtype", BRTYPE, f"{w} bitrate control"),
        Param(f"video.{which}.framerate", IntRange(1, 30, "fps"), f"{w} frame rate",
              "Frames per second (25 maximum on PAL).",
              confidence="C" if which == "primary" else "M"),
        Param(f"video.{which}.iframe", IntRange(1, 100), f"{w} I-frame interval",
              "Frames between two key frames."),
        Param(f"video.{which}.imagequality", IntRange(1, 5), f"{w} image quality",
              "1 is best, 5 is lowest; only used with VBR."),
    )  # fmt: skip


MODULE = Module(
    name="audio_video",
    title="Audio & video",
    page=12,
    group="Video & audio",
    verbs=frozenset({"get", "set"}),
    channel_key="channel",
    params=(
        *_stream("primary"),
        *_stream("secondary"),
        Param("audio.primary.encoder", AUDIO_ENCODER, "Primary audio codec",
              "G.726 only on GXV3601HD/3504/3611HD/3615/3615W; 4 is unlabelled in the document."),
        Param("audio.secondary.encoder", AUDIO_ENCODER, "Secondary audio codec",
              "Some models share the primary audio codec."),
        Param("audio.primary.bitrate", AUDIO_BITRATE, "Primary audio bitrate"),
        Param("audio.secondary.bitrate", AUDIO_BITRATE, "Secondary audio bitrate"),
        Param("audio.linein", Switch(), "Audio input"),
        Param("audio.lineout", Switch(), "Audio output"),
        _volume("audio.microphone.volume", "Microphone volume"),
        _volume("audio.speaker.volume", "Speaker volume"),
        Param("audio.chip.type", choices({0: "AIC33", 1: "AIC3104", 0xFF: "None"}), "Audio chip",
              read_only=True),
        Param("ntscpal.type", choice("PAL", "NTSC"), "Video format", read_only=True),
        Param("power.frequency",
              choices({50: "Indoor 50 Hz (Europe, China)", 60: "Indoor 60 Hz (US, LATAM)",
                       61: "Outdoor"}),
              "Power frequency", "Anti-flicker setting.",
              models=("GXV3651", "GXV3611IR", "GXV3662", "GXV3610", "GXV3672", "GXV3674")),
        Param("tv.output.type", choice("NTSC", "PAL"), "TV output", default=0, confidence="L"),
        Param("video_statu", Raw("x0,x1,x2,x3: 0 disconnected, 1 connected per input"),
              "Analog inputs connected", "GXV3504 only: connection state of inputs 1-4.",
              models=("GXV3504",), read_only=True, confidence="L"),
    ),
)  # fmt: skip
