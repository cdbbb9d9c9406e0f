"""Data about outlets: wire-service codes in datelines, copyright holders, their display names."""

from __future__ import annotations

#: Agency codes as they appear in datelines, "(AP)", to outlet names.
AGENCY_CODES = {
    "AP": "The Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "AA": "Anadolu Agency",
    "Bloomberg": "Bloomberg",
    "dpa": "dpa",
    "DPA": "dpa",
    "UPI": "UPI",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "Tanjug": "Tanjug",
    "BETA": "Beta",
    "Beta": "Beta",
    "RFE/RL": "Radio Free Europe/Radio Liberty",
    "BIRN": "Balkan Insight",
    "CNN": "CNN",
    "TASS": "TASS",
    "Xinhua": "Xinhua",
    "Ukrinform": "Ukrinform",
    "N1": "N1",
    "KosSev": "KoSSev",
    # National agencies whose datelines often go without a dash ("City, May 16 (UNI) The ...").
    **{code: code for code in (
        "UNI", "PTI", "IANS", "ANI", "APP", "TASR", "CTK", "MTI", "BTA", "PAP", "HINA", "STA",
        "Kyodo", "Yonhap", "Bernama", "Antara", "KUNA", "WAM", "SPA", "QNA", "MENA", "IRNA",
        "Interfax", "Sputnik", "Lusa", "NAN", "MINA", "IPS", "ANP", "Belga", "APA", "Agerpres",
    )},
}

#: Copyright holders as written in footers to outlet names.
COPYRIGHT_HOLDERS = {
    "bloomberg l.p.": "Bloomberg",
    "bloomberg": "Bloomberg",
    "the associated press": "The Associated Press",
    "associated press": "The Associated Press",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "agence france-presse": "Agence France-Presse",
    "afp": "Agence France-Presse",
}


def outlet_for_agency(code: str) -> str:
    """Outlet name for a dateline agency code; unknown codes are kept as written."""
    return AGENCY_CODES.get(code.strip(), code.strip())


def outlet_for_copyright(holder: str) -> str | None:
    """Outlet name for a copyright holder, or None when not a known outlet."""
    key = holder.strip().rstrip(".").lower()
    for known, name in COPYRIGHT_HOLDERS.items():
        if key == known or key.startswith(known):
            return name
    return None
