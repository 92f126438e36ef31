"""Which seizure types the simulated recordings of training, tuning and the event test carry.

The simulator types a recording's seizures from the start of its --types list, in turn; with a few
seizures per recording only the list's first types would ever occur, so each recording gets the list
rotated by (seizures per recording x seed).
"""

# All 8 types, every other one focal evolving (the simulator's default seizure): without typed seizures
# the level-reference model missed simulated tonic-clonic seizures (README, session 7).
TYPES = "fnsz,gnsz,fnsz,spsz,fnsz,cpsz,fnsz,absz,fnsz,tnsz,fnsz,tcsz,fnsz,mysz"

# The simulator's generalised types (io.ictal.simulator.SeizureType.generalised(); its SeizureTypesTest checks
# that they agree): every involved electrode starts within 0.2 s, so none of them is a later joiner.
GENERALISED = {"GENERALISED_NONSPECIFIC", "ABSENCE", "TONIC", "TONIC_CLONIC", "MYOCLONIC"}


def typed_options(options, seed, per_recording):
    """SimulatorMain options with the value of their --types rotated for this seed (unchanged without --types)."""
    options = list(options)
    if "--types" in options:
        at = options.index("--types") + 1
        types = options[at].split(",")
        shift = per_recording * seed % len(types)
        options[at] = ",".join(types[shift:] + types[:shift])
    return options
