namespace IopTelehealth.Server.ClinicApi.Endpoints;

/// <summary>
/// Names, summaries and OpenAPI response metadata of the five CRUD endpoints, shared so they cannot drift apart between
/// resources. Operation names are stable: generated clients use them as method names.
/// </summary>
internal static class CrudConventions
{
    public static RouteHandlerBuilder AsList<TDto>(this RouteHandlerBuilder endpoint, string plural) => endpoint
        .WithName($"List{plural}").WithSummary($"Lists the {plural.ToLowerInvariant()} of the caller's clinic.")
        .Produces<IReadOnlyList<TDto>>().ProducesProblem(StatusCodes.Status403Forbidden);

    public static RouteHandlerBuilder AsGet<TDto>(this RouteHandlerBuilder endpoint, string singular) => endpoint
        .WithName($"Get{singular}").WithSummary($"Reads one {Words(singular)}.")
        .Produces<TDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    public static RouteHandlerBuilder AsCreate<TDto>(this RouteHandlerBuilder endpoint, string singular) => endpoint
        .WithName($"Create{singular}").WithSummary($"Creates a {Words(singular)}.")
        .Produces<TDto>(StatusCodes.Status201Created).ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

    public static RouteHandlerBuilder AsUpdate<TDto>(this RouteHandlerBuilder endpoint, string singular) => endpoint
        .WithName($"Update{singular}").WithSummary($"Replaces the fields of a {Words(singular)}.")
        .Produces<TDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static RouteHandlerBuilder AsDelete(this RouteHandlerBuilder endpoint, string singular) => endpoint
        .WithName($"Delete{singular}").WithSummary($"Deletes a {Words(singular)} that nothing depends on.")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>"StaffMember" → "staff member".</summary>
    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
