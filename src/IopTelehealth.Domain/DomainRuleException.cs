namespace IopTelehealth.Domain;

/// <summary>
/// A domain invariant was violated by input. <see cref="Field"/> names the offending input so the API
/// can answer with a field-level validation problem instead of a generic error.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string field, string message) : base(message) => Field = field;

    public DomainRuleException() : this("", "A domain rule was violated.") { }

    public DomainRuleException(string message) : this("", message) { }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException) => Field = "";

    public string Field { get; } = "";
}
