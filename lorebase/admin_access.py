"""Admin pages any active staff member may read and nobody edits, superusers included.

Their rows are edited elsewhere (worlds, in the World admin) or are not rows at
all (a form); which worlds a user sees still comes from their memberships.
"""

from django.http import HttpRequest


class StaffReadOnlyAdmin:
    """Mixed into a ModelAdmin before admin.ModelAdmin."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
