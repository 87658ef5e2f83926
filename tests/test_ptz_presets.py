"""Local preset names (gxvdesk.services.ptz_presets): keys, persistence, bad files."""

from __future__ import annotations

import json

import pytest

from gxvdesk.services import paths
from gxvdesk.services.ptz_presets import FILE_NAME, MAX_NAME, PresetNames, camera_key


def test_camera_key_prefers_the_mac_and_never_keeps_credentials():
    assert camera_key(mac="00-0b-82-aa-bb-cc", url="http://x") == "00:0B:82:AA:BB:CC"
    assert camera_key(url="http://admin:Secret@192.0.2.5:8080/goform") == "http://192.0.2.5:8080"
    assert camera_key(mac="", url="192.0.2.9") == "http://192.0.2.9"
    with pytest.raises(ValueError):
        camera_key()


def test_names_and_saved_marks_round_trip(tmp_path):
    path = tmp_path / "sub" / "names.json"
    store = PresetNames(path)
    store.set_name("CAM", 0, 1, "  Front   door ")
    store.set_saved("CAM", 0, 1, True)
    store.set_name("CAM", 2, 1, "Yard")
    store.set_name("CAM", 0, 4, "x" * 200)
    again = PresetNames(path)
    assert again.name("CAM", 0, 1) == "Front door"
    assert again.saved("CAM", 0, 1)
    assert again.names("CAM", 2) == {1: "Yard"}
    assert len(again.name("CAM", 0, 4)) == MAX_NAME
    assert again.name("OTHER", 0, 1) == "" and not again.saved("OTHER", 0, 1)


def test_an_entry_with_no_name_and_no_mark_is_dropped(tmp_path):
    store = PresetNames(tmp_path / "n.json")
    store.set_name("CAM", 0, 7, "Gate")
    store.set_name("CAM", 0, 7, "")
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["cameras"]["CAM"]["0"] == {}


def test_a_damaged_file_starts_empty_and_is_replaced(tmp_path):
    path = tmp_path / "n.json"
    path.write_text("{not json", encoding="utf-8")
    store = PresetNames(path)
    assert store.names("CAM", 0) == {}
    store.set_name("CAM", 0, 2, "Dock")
    assert PresetNames(path).name("CAM", 0, 2) == "Dock"
    path.write_text(json.dumps({"cameras": {"CAM": {"0": {"x": {}, "3": "bad"}}}}), "utf-8")
    assert PresetNames(path).names("CAM", 0) == {}


def test_the_default_file_lives_in_the_data_folder():
    assert PresetNames().path == paths.data_dir() / FILE_NAME
