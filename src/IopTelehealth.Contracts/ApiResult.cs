namespace IopTelehealth.Contracts;

/// <summary>How a clinic operation ended; maps one-to-one onto HTTP status codes at the API edge.</summary>
public enum ApiStatus
{
    Ok = 0,
    NotFound = 1,
    Forbidden = 2,
    Invalid = 3,
    Conflict = 4,
}

/// <summary>
/// The outcome of an operation used by both the HTTP API and the server-rendered pages. Errors are keyed by
/// input field name so forms can show them next to the field.
/// </summary>
public sealed record ApiResult<T>(ApiStatus Status, T? Value = default, IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public bool IsOk => Status == ApiStatus.Ok;

    public static ApiResult<T> Ok(T value) => new(ApiStatus.Ok, value);

    public static ApiResult<T> NotFound() => new(ApiStatus.NotFound, Message: "Not found.");

    public static ApiResult<T> Forbidden() => new(ApiStatus.Forbidden, Message: "You do not have access to this.");

    public static ApiResult<T> Conflict(string message) => new(ApiStatus.Conflict, Message: message);

    public static ApiResult<T> Invalid(string field, string message) => new(ApiStatus.Invalid, Errors: new Dictionary<string, string[]> { [field] = [message] }, Message: message);

    public static ApiResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ApiStatus.Invalid, Errors: errors, Message: "One or more fields are invalid.");
}
