translate russian tower_5d6e7f80:

    # kai "I came back."
    kai "Я вернулся."

translate russian tower_5d6e7f80_1:

    # kai2 "And I am the other Kai."
    kai2 "А я другой Кай."

translate russian python:
    pass
