"""Interoperability (Regulation (EU) 2019/817): the Common Identity Repository (CIR), the
Multiple-Identity Detector (MID) and the European Search Portal (ESP), on top of the shared
Biometric Matching Service in `biometrics/`."""
