"""11. PTZ Settings (document p.30-32): ``/goform/ptz``, set/get; GXV3500 and GXV3504 only.

An RS-485 Pelco link to a PTZ head. ``ptzcontrol`` and ``ptzparam`` must be sent together.
The OCR printed Addressid2-4, Msgtype, Class, Group and Id capitalised; names are compared
ignoring case, and the registry spells them lower-case like every other name.
"""

from ..spec import Module, Param
from ..types import IntRange, Switch, choice, choices, switch

PTZ_CONTROL = choice(
    "Stop", "Tilt up", "Tilt down", "Pan left", "Pan right", "Up-left", "Down-left", "Up-right",
    "Down-right", "Zoom in", "Zoom out", "Focus near", "Focus far", "Iris open", "Iris close",
    "Go to preset", "Clear preset", "Set preset", "Auto pan", "Stop auto pan",
)  # fmt: skip
OPERATION = choice("No operation", "Tuning", "Stop", "Add", "Edit", "Start recording",
                   "Stop recording", "Delete recording", "Delete classified data")  # fmt: skip
CLOSED_OPEN = switch("Closed", "Open")


def _address(n: int) -> Param:
    return Param(
        f"addressid{n}", IntRange(0, 255), f"Pelco address, input {n}",
        f"Pelco address of the PTZ head on video input {n}.", default=n - 1,
        models=None if n == 1 else ("GXV3504",), confidence="H" if n == 1 else "M",
    )  # fmt: skip


MODULE = Module(
    name="ptz",
    title="PTZ (RS-485)",
    page=30,
    group="Video & audio",
    verbs=frozenset({"get", "set"}),
    models=("GXV3500", "GXV3504"),
    channel_key="channel",
    params=(
        Param("protocol", choice("PELCO-P", "PELCO-D"), "PTZ protocol", confidence="H"),
        Param("baudrate", choices({1200: "1200", 2400: "2400", 4800: "4800", 9600: "9600"},
                                  unit="baud"),
              "Baud rate", "May vary by model.", confidence="H"),
        # ptzcontrol, ptzparam and oprate_type are commands, not settings: never restored.
        Param("ptzparam", IntRange(0, 127), "PTZ speed or preset",
              "Speed 0-63, or preset position 0-127 (some positions are reserved).",
              companions=("ptzcontrol",), backup=False, confidence="C"),
        Param("ptzcontrol", PTZ_CONTROL, "PTZ command", "Sent with ptzparam.",
              companions=("ptzparam",), backup=False, confidence="C"),
        *(_address(n) for n in range(1, 5)),
        # Range printed 0-1, labels numbered 1 and 2: accept 0-2 until a device settles it.
        Param("msgtype", IntRange(0, 2), "Transmission type",
              "1 = transparent passing value, 2 = other (to be defined).", confidence="L"),
        Param("class", choice("Not defined", "Patrol scan", "Pattern scan", "Preset loop"),
              "Operation class", confidence="L"),
        Param("group", IntRange(0, 8), "Group",
              "0 not defined; 1-8 patrol, 1-4 pattern scan, 1-8 preset loop.", confidence="L"),
        Param("id", IntRange(0), "ID", "ID in the database or chip.", confidence="L"),
        Param("action_type", choices({1: "Not defined", 2: "Predefined", 3: "Pattern scan",
                                      4: "Preset loop"}), "Action type", confidence="H"),
        Param("action_id", IntRange(0, 128), "Action ID",
              "0 not defined; 1-128 predefined, 1-8 patrol, 1-4 pattern scan, 1-8 preset loop.",
              confidence="H"),
        Param("action_time", IntRange(1, 240, "s"), "Action time", "Group patrolling time.",
              confidence="H"),
        Param("action_speed", IntRange(0, 128), "Patrol speed",
              "Speed between presets (1-90 degrees/s).", confidence="H"),
        Param("swing_start_id", IntRange(1, 128), "Patrol start position", confidence="H"),
        Param("swing_end_id", IntRange(1, 128), "Patrol end position", confidence="H"),
        # "oprate" is the document's spelling, printed with its underscore intact.
        Param("oprate_type", OPERATION, "Operation", backup=False, confidence="H"),
        Param("enable_proportional_pan", Switch(), "Proportional pan"),
        Param("enable_preset_freezing", Switch(), "Preset freezing", confidence="H"),
        Param("preset_speed", IntRange(1, 8), "Preset speed", confidence="H"),
        # Printed "keyboard_controlpeed": an OCR merge of "control_speed". Both match.
        Param("keyboard_control_speed", IntRange(1, 3), "Keyboard control speed",
              spellings=("keyboard_controlpeed",), confidence="L"),
        Param("auto_scan_speed", IntRange(1, 20), "Auto scan speed", confidence="H"),
        Param("zoom_status", switch("Always closed", "Always open"), "Zoom display"),
        Param("pt_status", CLOSED_OPEN, "Pan/tilt angle display"),
        Param("preset_status", CLOSED_OPEN, "Preset title display"),
        Param("set_resume_time_point", IntRange(0, 600, "s"), "Resume time", "0 = off."),
        Param("enable_limit", Switch(), "Limits", confidence="H"),
        Param("limit_type", IntRange(0, 1), "Limit type", "0 or 1; meaning not documented.",
              confidence="H"),
        Param("limit_type_status", IntRange(0, 1), "Limit type status",
              "0 or 1; meaning not documented.", confidence="H"),
        Param("enable_park_action", Switch(), "Park action", confidence="H"),
        Param("park_time", IntRange(1, 10), "Park time", "1 (1 min) to 10 (4 h).",
              confidence="H"),
        Param("park_action_type", choice("Origin", "Preset", "Patrol scan", "Pattern scan",
                                         "Group patrol"), "Park action type",
              "Origin = horizontal 0, vertical 0.", confidence="H"),
        Param("park_action_type_id", IntRange(1, 8), "Park action ID"),
        Param("enable_scheduled_task", Switch(), "Scheduled task"),
        Param("scheduled_task_park_time", IntRange(1, 10), "Scheduled park time"),
    ),
    notes="channel (0-3) is marked 'Pending' in the document.",
)  # fmt: skip
