"""The ICE list importer, one step a module: how a row of ICE's spreadsheet becomes history.

- `counties`: the county of a row (its COUNTY cell, the county in its name, its town), within its state.
- `identity`: the agency a row names — one identity per agency, keyed on the FBI's ORI.

Reading the sheet (`agreements.ice_sheets`), storing a snapshot (`agreements.services`) and the history
rules (`agreements.history`) join this package as they are reorganised.
"""
