"""6. Date & Time (document p.22-25): ``/goform/date_time``, set/get.

``updatemode`` must be sent with every set, so every other parameter names it as companion.
Time-zone signs were lost by the OCR and are inferred from the places named (research §4.6).
"""

from ..spec import Module, Param
from ..types import IntRange, Switch, Text, choices

U = ("updatemode",)

TIMEZONES = choices({
    1: "GMT-12:00 Eniwetok, Kwajalein",
    2: "GMT-11:00 Midway Isl., Samoa",
    3: "GMT-10:00 Hawaii, Aleutians",
    4: "GMT-09:00 Alaska",
    5: "GMT-08:00 Las Vegas, San Francisco, Vancouver",
    6: "GMT-07:00 Calgary, Denver, Salt Lake City",
    7: "GMT-06:00 Chicago, Dallas, Mexico City",
    8: "GMT-05:00 Cuba",
    9: "GMT-05:00 New York, Toronto, Washington DC",
    10: "GMT-04:00 Paraguay",
    11: "GMT-04:00 Chile",
    12: "GMT-04:00 Charlottetown, Manaus",
    13: "GMT-03:00 Brazil, Sao Paulo",
    14: "GMT-02:00 Noronha, Mid-Atlantic",
    15: "GMT-01:00 Azores, Cap Verde Isl.",
    16: "GMT Dublin, Lisbon, London, Reykjavik",
    17: "GMT+01:00 Amsterdam, Berlin, Rome, Stockholm",
    18: "GMT+02:00 Athens, Helsinki, Istanbul, Riga",
    19: "GMT+02:00 Egypt",
    20: "GMT+02:00 Israel",
    21: "GMT+02:00 Lebanon",
    22: "GMT+02:00 Syria",
    23: "GMT+03:00 Moscow, Riyadh",
    24: "GMT+03:00 Iraq",
    25: "GMT+03:30 Iran",
    26: "GMT+04:00 Abu Dhabi, Baku",
    27: "GMT+04:30 Kabul",
    28: "GMT+05:00 Islamabad, Karachi, Tashkent",
    29: "GMT+05:30 Bombay, Calcutta, New Delhi",
    30: "GMT+06:00 Novosibirsk, Omsk",
    31: "GMT+07:00 Bangkok, Hanoi, Jakarta",
    32: "GMT+08:00 Beijing, Hong Kong, Shanghai, Taipei",
    33: "GMT+09:00 Osaka, Sapporo, Tokyo",
    34: "GMT+09:30 Adelaide, Darwin",
    35: "GMT+10:00 Hobart",
    36: "GMT+10:00 Canberra, Melbourne, Sydney",
    37: "GMT+11:00 Solomon Island",
    38: "GMT+12:00 Auckland, Wellington",
    39: "GMT-09:00 DST Alaska",
    40: "GMT-08:00 DST Pacific",
    41: "GMT-07:00 DST Mountain",
    42: "GMT DST Dublin",
    43: "GMT DST Lisbon",
    44: "GMT DST London",
    45: "GMT+01:00 DST Amsterdam, Barcelona, Berlin, Brussels, Budapest, Copenhagen",
    46: "GMT+01:00 DST Geneva, Madrid, Oslo, Paris, Prague, Roma, Stockholm",
    47: "GMT+02:00 DST Athens, Helsinki, Kyiv, Tallinn",
    48: "GMT+03:00 DST Moscow",
    49: "GMT+03:00 DST St. Petersburg",
    50: "GMT+09:30 DST Adelaide",
    51: "GMT+10:00 DST Melbourne, Canberra, Sydney",
    52: "GMT+10:00 DST Hobart",
    53: "GMT+12:00 DST Auckland, Wellington",
    54: "Self-defined (see custom time zone)",
})  # fmt: skip

MODULE = Module(
    name="date_time",
    title="Date & time",
    page=22,
    group="System",
    verbs=frozenset({"get", "set"}),
    params=(
        Param("updatemode", choices({1: "NTP server", 2: "Set by hand"}), "Time source",
              "Required in every set.", default=1, confidence="H"),
        # The clock itself: live values, kept out of backups.
        Param("year", IntRange(1901), "Year", "Greater than 1900.", companions=U, backup=False,
              confidence="H"),
        Param("month", IntRange(1, 12), "Month", companions=U, backup=False, confidence="H"),
        # The document prints 0-31; day 0 is no date.
        Param("day", IntRange(1, 31), "Day", companions=U, backup=False, confidence="H"),
        Param("hour", IntRange(0, 23), "Hour", companions=U, backup=False, confidence="H"),
        Param("minute", IntRange(0, 59), "Minute", companions=U, backup=False, confidence="H"),
        Param("second", IntRange(0, 59), "Second", companions=U, backup=False, confidence="H"),
        Param("timezone", TIMEZONES, "Time zone", "54 uses the custom time zone below.",
              companions=U, confidence="H"),
        Param("deftimezone", Text(pattern_hint="POSIX TZ, e.g. EST5EDT4,M3.2.0,M11.1.0"),
              "Custom time zone", "Only used when the time zone is 54.", companions=U,
              confidence="H"),
        Param("ntpserverenable", Switch(), "NTP server", companions=U, confidence="H"),
        Param("ntpserver", Text(max_bytes=255), "NTP server address", companions=U,
              confidence="H"),
        Param("datestyle", choices({1: "YYYY-MM-DD", 2: "MM-DD-YYYY", 3: "DD-MM-YYYY"}),
              "OSD date format", companions=U, confidence="H"),
        Param("ntpupdateinterval", IntRange(5, 1440, "min"), "NTP update interval",
              default=1440, companions=U, confidence="H"),
        Param("enable_dst", Switch(), "Daylight saving time", companions=U, confidence="H"),
        # Punctuation rebuilt from a stripped example, so no pattern is enforced
        # (docs/protocol-notes.md).
        Param("dst_str",
              Text(pattern_hint="GMT-05:00GDT-04:00,M3.2.0/02:00:00,M11.1.0/02:00:00"),
              "DST rule", "Zone part starts with GMT; rules are Mm.w.d/hh:mm:ss "
              "(M3.2.0/02:00:00 = 2nd Sunday of March, 2:00 AM).", companions=U, confidence="L"),
    ),
    notes="The examples write 'deftinezone' and a year of 2902 (document typos).",
)  # fmt: skip
