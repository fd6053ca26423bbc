"""Name screening: compare people across scripts, romanisations and data quality."""
