using System.ComponentModel.DataAnnotations;
using IopTelehealth.Contracts;
using IopTelehealth.Domain;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>
/// Turns every kind of bad input into field-level errors keyed by the input's property names, which is what the
/// pages' forms and the API's validation problems show next to each field.
/// </summary>
internal static class InputValidation
{
    /// <summary>The DataAnnotations of the input, every property; null when there is nothing to report.</summary>
    public static IReadOnlyDictionary<string, string[]>? Check(object? input)
    {
        if (input is null)
        {
            return new Dictionary<string, string[]> { [""] = ["A request body is required."] };
        }

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            return null;
        }

        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(member => (member, message: r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.member, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// A domain rule as a validation error. <paramref name="fields"/> maps domain names to input names where they differ,
    /// with the message to show when the domain's own wording would name the wrong unit.
    /// </summary>
    public static ApiResult<T> FromDomain<T>(DomainRuleException exception, IReadOnlyDictionary<string, FieldAlias>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (fields is not null && fields.TryGetValue(exception.Field, out var alias))
        {
            return ApiResult<T>.Invalid(alias.Field, alias.Message ?? exception.Message);
        }

        return ApiResult<T>.Invalid(exception.Field, exception.Message);
    }

    /// <summary>A conflict with the stored state, still keyed by field so a form can show it where it belongs.</summary>
    public static ApiResult<T> Conflict<T>(string field, string message) =>
        new(ApiStatus.Conflict, Errors: new Dictionary<string, string[]> { [field] = [message] }, Message: message);
}

internal sealed record FieldAlias(string Field, string? Message = null);
