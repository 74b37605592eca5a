namespace IopTelehealth.Domain;

internal static class Guard
{
    public static string Text(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException(field, $"{field} is required.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException(field, $"{field} must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength
            ? throw new DomainRuleException(field, $"{field} must be at most {maxLength} characters.")
            : trimmed;
    }

    public static int Range(int value, string field, int min, int max) =>
        value < min || value > max
            ? throw new DomainRuleException(field, $"{field} must be between {min} and {max}.")
            : value;

    public static TimeZoneInfo TimeZone(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) || !zone.HasIanaId)
        {
            throw new DomainRuleException(field, $"{field} must be an IANA time zone such as America/Chicago.");
        }

        return zone;
    }
}
