label tower:
    scene bg tower
    show kai
    kai "I came back."
    kai2 "And I am the other Kai."
    guard_9 "Halt!"
    if trust > 0:
        anna "I knew it."
    elif trust == 0:
        "Nobody moved."
    else:
        anna "I don't believe you."
    scene bg pier_night
    "Back to the pier."
    return

label epilogue:
    scene black
    "The end."
    return
