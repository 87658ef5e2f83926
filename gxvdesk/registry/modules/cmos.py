"""25. CMOS Settings (document p.54-56): ``/goform/cmos``, set/get; supported models only."""

from ..spec import Module, Param
from ..types import IntRange, PrivacyMask, Switch, TimeOfDay, choice, choices

SHUTTER = choices({0: "Auto", **{n: f"1/{n} s" for n in (30, 60, 125, 250, 500, 1000)}})
IR_CUT = choice("Manual", "Auto (IR sensor)", "Auto (algorithm)", "Time schedule")
#: Models.py marks these as having privacy masks; the document does not limit the parameter.
MASK_MODELS = ("GXV3651", "GXV3662", "GXV3610", "GXV3672", "GXV3674")

MODULE = Module(
    name="cmos",
    title="Image sensor (CMOS)",
    page=54,
    group="Image",
    verbs=frozenset({"get", "set"}),
    models=("GXV3500", "GXV3651", "GXV3662", "GXV3615WP", "GXV3610", "GXV3672", "GXV3674",
            "GXV3611IR"),
    params=(
        Param("flip", Switch(), "Flip picture", confidence="H"),
        # Printed "lris": an OCR capital I, as in "Ircutstatu".
        Param("iris", choice("Mechanical, manual", "DC, auto", "DC, manual"), "Iris"),
        Param("iris_open", choices({1: "100 %", 2: "80 %", 3: "60 %", 4: "40 %", 5: "20 %"}),
              "Iris opening", confidence="H"),
        Param("up_bias", IntRange(6000, 11000), "Iris bias up", default=8160,
              models=("GXV3662_HD",), confidence="H"),
        Param("down_bias", IntRange(6000, 11000), "Iris bias down", default=8150,
              models=("GXV3662_HD",), confidence="H"),
        Param("shutter_speed", SHUTTER, "Shutter speed", confidence="H"),
        Param("ir_cut_setting", IR_CUT, "IR-cut mode", confidence="H"),
        Param("daytime_start", TimeOfDay(), "Day starts", "Time-schedule mode only.", default=0),
        Param("daytime_end", TimeOfDay(), "Day ends", "Time-schedule mode only.", default=0,
              confidence="H"),
        Param("ir_cut_sensitivity", IntRange(1, 5), "IR-cut sensitivity", confidence="H"),
        Param("d_n_mod", choice("Day", "Night"), "Day/night (manual mode)", confidence="H"),
        Param("color_mod", choice("Colour", "Black & white", "Auto"), "Colour mode"),
        Param("ir_led_setting", choice("Auto", "On", "Off"), "IR LED", "V2 models only."),
        Param("privacymask", PrivacyMask(), "Privacy masks",
              "Four rectangles A-D in a 704x576 space.", models=MASK_MODELS, confidence="L"),
    ),
    notes="Privacy-mask separators are garbled in the document; see docs/protocol-notes.md.",
)  # fmt: skip
