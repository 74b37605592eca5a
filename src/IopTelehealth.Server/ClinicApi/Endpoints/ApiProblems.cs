using IopTelehealth.Contracts;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

/// <summary>
/// The HTTP edge of <see cref="ApiResult{T}"/>. Problem types and titles are stable (clients switch on them); details
/// are our own sentences, never exception text or stack traces.
/// </summary>
internal static class ApiProblems
{
    public const string BadRequestType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
    public const string ForbiddenType = "https://tools.ietf.org/html/rfc9110#section-15.5.4";
    public const string NotFoundType = "https://tools.ietf.org/html/rfc9110#section-15.5.5";
    public const string ConflictType = "https://tools.ietf.org/html/rfc9110#section-15.5.10";

    public const string ValidationTitle = "One or more validation errors occurred.";
    public const string UnreadableTitle = "The request could not be read.";

    public static IResult ToHttp<T>(this ApiResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsOk ? TypedResults.Ok(result.Value) : Problem(result);
    }

    public static IResult ToCreated<T>(this ApiResult<T> result, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(location);
        return result.IsOk ? TypedResults.Created(location(result.Value!), result.Value) : Problem(result);
    }

    public static IResult ToNoContent(this ApiResult<bool> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsOk ? TypedResults.NoContent() : Problem(result);
    }

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: ValidationTitle, type: BadRequestType);

    private static IResult Problem<T>(ApiResult<T> result) => result.Status switch
    {
        ApiStatus.Invalid => TypedResults.ValidationProblem(result.Errors ?? new Dictionary<string, string[]>(), detail: result.Message,
            title: ValidationTitle, type: BadRequestType),
        ApiStatus.NotFound => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "Not Found", type: NotFoundType),
        ApiStatus.Forbidden => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: ForbiddenType),
        ApiStatus.Conflict => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: ConflictType,
            extensions: result.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = result.Errors }),
        _ => throw new InvalidOperationException($"No HTTP mapping for {result.Status}."),
    };
}
