""" Contains all the data models used in inputs/outputs """

from .answer import Answer
from .answer_character import AnswerCharacter
from .answer_citation import AnswerCitation
from .answer_citation_type_enum import AnswerCitationTypeEnum
from .answer_context import AnswerContext
from .answer_context_edges_item import AnswerContextEdgesItem
from .answer_context_nodes_item import AnswerContextNodesItem
from .answer_knowledge_items_item import AnswerKnowledgeItemsItem
from .answer_request_request import AnswerRequestRequest
from .answer_usage import AnswerUsage
from .batch_operation_request import BatchOperationRequest
from .batch_operation_request_data import BatchOperationRequestData
from .batch_operation_type_enum import BatchOperationTypeEnum
from .batch_request import BatchRequest
from .batch_response import BatchResponse
from .batch_result import BatchResult
from .candidate import Candidate
from .change import Change
from .change_operation_enum import ChangeOperationEnum
from .chapter import Chapter
from .chapter_request import ChapterRequest
from .chapter_update_request import ChapterUpdateRequest
from .character import Character
from .character_book import CharacterBook
from .character_book_entry import CharacterBookEntry
from .character_book_entry_extensions import CharacterBookEntryExtensions
from .character_book_extensions import CharacterBookExtensions
from .character_book_v3 import CharacterBookV3
from .character_book_v3_extensions import CharacterBookV3Extensions
from .character_card_data import CharacterCardData
from .character_card_data_extensions import CharacterCardDataExtensions
from .character_card_spec import CharacterCardSpec
from .character_card_v2 import CharacterCardV2
from .character_card_v2_spec_enum import CharacterCardV2SpecEnum
from .character_card_v3 import CharacterCardV3
from .character_card_v3_data import CharacterCardV3Data
from .character_card_v3_data_extensions import CharacterCardV3DataExtensions
from .character_card_v3_entry import CharacterCardV3Entry
from .character_card_v3_entry_extensions import CharacterCardV3EntryExtensions
from .character_card_v3_spec_enum import CharacterCardV3SpecEnum
from .character_request import CharacterRequest
from .character_status_enum import CharacterStatusEnum
from .character_update_request import CharacterUpdateRequest
from .co_appearance import CoAppearance
from .co_appearances_response import CoAppearancesResponse
from .concept import Concept
from .concept_kind_enum import ConceptKindEnum
from .concept_request import ConceptRequest
from .concept_update_request import ConceptUpdateRequest
from .consistency_report import ConsistencyReport
from .consistency_report_counts import ConsistencyReportCounts
from .consistency_report_rule import ConsistencyReportRule
from .death_enum import DeathEnum
from .details import Details
from .endpoint_schema import EndpointSchema
from .endpoint_schema_request import EndpointSchemaRequest
from .endpoint_schema_type_enum import EndpointSchemaTypeEnum
from .entity_ref import EntityRef
from .entity_relation import EntityRelation
from .entity_type_enum import EntityTypeEnum
from .entity_types_enum import EntityTypesEnum
from .export_game_files_kind import ExportGameFilesKind
from .feed_page import FeedPage
from .field_error import FieldError
from .finding import Finding
from .finding_entity import FindingEntity
from .graph_neighbourhood_kinds_item import GraphNeighbourhoodKindsItem
from .graph_path_kinds_item import GraphPathKindsItem
from .how_enum import HowEnum
from .image import Image
from .image_kind_enum import ImageKindEnum
from .image_upload_request import ImageUploadRequest
from .interpretation import Interpretation
from .language_enum import LanguageEnum
from .location import Location
from .location_kind_enum import LocationKindEnum
from .location_request import LocationRequest
from .location_update_request import LocationUpdateRequest
from .matched import Matched
from .meeting_enum import MeetingEnum
from .meetings_response import MeetingsResponse
from .mention import Mention
from .neighbour import Neighbour
from .neighbourhood_response import NeighbourhoodResponse
from .op_enum import OpEnum
from .paginated_chapter_list import PaginatedChapterList
from .paginated_character_list import PaginatedCharacterList
from .paginated_concept_list import PaginatedConceptList
from .paginated_entity_relation_list import PaginatedEntityRelationList
from .paginated_location_list import PaginatedLocationList
from .paginated_relation_list import PaginatedRelationList
from .paginated_scene_list import PaginatedSceneList
from .paginated_webhook_delivery_list import PaginatedWebhookDeliveryList
from .paginated_webhook_endpoint_list import PaginatedWebhookEndpointList
from .paginated_world_list import PaginatedWorldList
from .participant import Participant
from .participant_request import ParticipantRequest
from .patched_chapter_request import PatchedChapterRequest
from .patched_character_request import PatchedCharacterRequest
from .patched_concept_request import PatchedConceptRequest
from .patched_location_request import PatchedLocationRequest
from .patched_relation_request import PatchedRelationRequest
from .patched_scene_request import PatchedSceneRequest
from .patched_webhook_endpoint_request import PatchedWebhookEndpointRequest
from .patched_world_request import PatchedWorldRequest
from .path_response import PathResponse
from .place import Place
from .problem import Problem
from .provider_enum import ProviderEnum
from .question_kind_enum import QuestionKindEnum
from .recognised import Recognised
from .relation import Relation
from .relation_asked import RelationAsked
from .relation_kind_enum import RelationKindEnum
from .relation_request import RelationRequest
from .relation_update_request import RelationUpdateRequest
from .result import Result
from .role_enum import RoleEnum
from .rule_enum import RuleEnum
from .scene import Scene
from .scene_request import SceneRequest
from .scene_update_request import SceneUpdateRequest
from .search_response import SearchResponse
from .search_types_item import SearchTypesItem
from .severity_enum import SeverityEnum
from .side_enum import SideEnum
from .source_enum import SourceEnum
from .step import Step
from .v1_worlds_characters_list_status import V1WorldsCharactersListStatus
from .v1_worlds_concepts_list_kind import V1WorldsConceptsListKind
from .v1_worlds_locations_list_kind import V1WorldsLocationsListKind
from .v1_worlds_relations_list_kind import V1WorldsRelationsListKind
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_status_enum import WebhookDeliveryStatusEnum
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_request import WebhookEndpointRequest
from .why import Why
from .why_fields import WhyFields
from .world import World
from .world_request import WorldRequest

__all__ = (
    "Answer",
    "AnswerCharacter",
    "AnswerCitation",
    "AnswerCitationTypeEnum",
    "AnswerContext",
    "AnswerContextEdgesItem",
    "AnswerContextNodesItem",
    "AnswerKnowledgeItemsItem",
    "AnswerRequestRequest",
    "AnswerUsage",
    "BatchOperationRequest",
    "BatchOperationRequestData",
    "BatchOperationTypeEnum",
    "BatchRequest",
    "BatchResponse",
    "BatchResult",
    "Candidate",
    "Change",
    "ChangeOperationEnum",
    "Chapter",
    "ChapterRequest",
    "ChapterUpdateRequest",
    "Character",
    "CharacterBook",
    "CharacterBookEntry",
    "CharacterBookEntryExtensions",
    "CharacterBookExtensions",
    "CharacterBookV3",
    "CharacterBookV3Extensions",
    "CharacterCardData",
    "CharacterCardDataExtensions",
    "CharacterCardSpec",
    "CharacterCardV2",
    "CharacterCardV2SpecEnum",
    "CharacterCardV3",
    "CharacterCardV3Data",
    "CharacterCardV3DataExtensions",
    "CharacterCardV3Entry",
    "CharacterCardV3EntryExtensions",
    "CharacterCardV3SpecEnum",
    "CharacterRequest",
    "CharacterStatusEnum",
    "CharacterUpdateRequest",
    "CoAppearance",
    "CoAppearancesResponse",
    "Concept",
    "ConceptKindEnum",
    "ConceptRequest",
    "ConceptUpdateRequest",
    "ConsistencyReport",
    "ConsistencyReportCounts",
    "ConsistencyReportRule",
    "DeathEnum",
    "Details",
    "EndpointSchema",
    "EndpointSchemaRequest",
    "EndpointSchemaTypeEnum",
    "EntityRef",
    "EntityRelation",
    "EntityTypeEnum",
    "EntityTypesEnum",
    "ExportGameFilesKind",
    "FeedPage",
    "FieldError",
    "Finding",
    "FindingEntity",
    "GraphNeighbourhoodKindsItem",
    "GraphPathKindsItem",
    "HowEnum",
    "Image",
    "ImageKindEnum",
    "ImageUploadRequest",
    "Interpretation",
    "LanguageEnum",
    "Location",
    "LocationKindEnum",
    "LocationRequest",
    "LocationUpdateRequest",
    "Matched",
    "MeetingEnum",
    "MeetingsResponse",
    "Mention",
    "Neighbour",
    "NeighbourhoodResponse",
    "OpEnum",
    "PaginatedChapterList",
    "PaginatedCharacterList",
    "PaginatedConceptList",
    "PaginatedEntityRelationList",
    "PaginatedLocationList",
    "PaginatedRelationList",
    "PaginatedSceneList",
    "PaginatedWebhookDeliveryList",
    "PaginatedWebhookEndpointList",
    "PaginatedWorldList",
    "Participant",
    "ParticipantRequest",
    "PatchedChapterRequest",
    "PatchedCharacterRequest",
    "PatchedConceptRequest",
    "PatchedLocationRequest",
    "PatchedRelationRequest",
    "PatchedSceneRequest",
    "PatchedWebhookEndpointRequest",
    "PatchedWorldRequest",
    "PathResponse",
    "Place",
    "Problem",
    "ProviderEnum",
    "QuestionKindEnum",
    "Recognised",
    "Relation",
    "RelationAsked",
    "RelationKindEnum",
    "RelationRequest",
    "RelationUpdateRequest",
    "Result",
    "RoleEnum",
    "RuleEnum",
    "Scene",
    "SceneRequest",
    "SceneUpdateRequest",
    "SearchResponse",
    "SearchTypesItem",
    "SeverityEnum",
    "SideEnum",
    "SourceEnum",
    "Step",
    "V1WorldsCharactersListStatus",
    "V1WorldsConceptsListKind",
    "V1WorldsLocationsListKind",
    "V1WorldsRelationsListKind",
    "WebhookDelivery",
    "WebhookDeliveryStatusEnum",
    "WebhookEndpoint",
    "WebhookEndpointRequest",
    "Why",
    "WhyFields",
    "World",
    "WorldRequest",
)
