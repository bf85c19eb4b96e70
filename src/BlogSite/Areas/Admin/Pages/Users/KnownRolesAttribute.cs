using System.ComponentModel.DataAnnotations;

namespace BlogSite.Areas.Admin.Pages.Users;

/// <summary>At least one role, and only roles that exist; checked with the other fields so every mistake shows at once.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownRolesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var roles = value as IEnumerable<string> ?? [];
        if (!roles.Any())
        {
            return new ValidationResult("Choose at least one role.");
        }

        return UserAdminCommands.UnknownRoles(roles) is { } unknown ? new ValidationResult(unknown) : ValidationResult.Success;
    }
}
