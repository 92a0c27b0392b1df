from enum import StrEnum

class RuleEnum(StrEnum):
    ALLY_AND_ENEMY = "ally_and_enemy"
    DEAD_CHARACTER_IN_SCENE = "dead_character_in_scene"
    DEATH_SCENE_IN_ANOTHER_CHAPTER = "death_scene_in_another_chapter"
    KILLER_DEAD_BEFORE_THE_DEATH = "killer_dead_before_the_death"
    KILLER_NOT_IN_DEATH_SCENE = "killer_not_in_death_scene"
    LOCATION_CYCLE = "location_cycle"
    NEAR_DUPLICATE_NAME = "near_duplicate_name"
    REVERSED_RELATION_SPAN = "reversed_relation_span"
    SCENE_WITHOUT_LOCATION_OR_PARTICIPANTS = "scene_without_location_or_participants"

    def __str__(self) -> str:
        return str(self.value)
