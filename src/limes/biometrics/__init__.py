"""Biometrics: face and fingerprint templates, 1:1 verification and 1:N identification.

The shared Biometric Matching Service (sBMS) of Regulation (EU) 2019/817 art. 12-16: it
stores templates with a reference to the system and record they come from, never the
identity data itself (that is the Common Identity Repository's, `interop/`).
"""
