"""Homework: the dossier on a person, and careful research of their public pages."""
