using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Server.ClinicApi.Endpoints;

namespace IopTelehealth.Server.Hybrid;

/// <summary>
/// /api/sessions/{id}/check-in: the roster and staff check-in/out, the patient's scan, the room device's code. Refusals are
/// problem+json with a stable "code" member (docs/hybrid.md).
/// </summary>
internal static class CheckInEndpoints
{
    public static RouteGroupBuilder MapCheckInEndpoints(this IEndpointRouteBuilder api)
    {
        var checkIn = api.MapGroup("/sessions/{sessionId:guid}/check-in").WithTags("Hybrid check-in");
        checkIn.MapGet("/roster", async (Guid sessionId, ICheckInApi service, CancellationToken cancellationToken) =>
                ToHttp(await service.RosterAsync(sessionId, cancellationToken)))
            .WithName("CheckInRoster").WithSummary("Every enrolled patient of the session with their presence (staff, admin, the group's therapists).")
            .Produces<CheckInRosterDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        checkIn.MapPost("/patients/{patientUserId:guid}", async (Guid sessionId, Guid patientUserId, ICheckInApi service, CancellationToken cancellationToken) =>
                ToHttp(await service.CheckInAsync(sessionId, patientUserId, cancellationToken)))
            .WithName("CheckInPatient").WithSummary("Checks an enrolled patient in at the clinic (ends a remote presence).")
            .Produces<CheckInResultDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        checkIn.MapDelete("/patients/{patientUserId:guid}", async (Guid sessionId, Guid patientUserId, ICheckInApi service, CancellationToken cancellationToken) =>
                ToHttp(await service.CheckOutAsync(sessionId, patientUserId, cancellationToken)))
            .WithName("CheckOutPatient").WithSummary("Checks an in-person patient out.")
            .Produces<CheckInResultDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        checkIn.MapPost("/scan", async (Guid sessionId, CheckInScanInput input, ICheckInApi service, CancellationToken cancellationToken) =>
                ToHttp(await service.ScanAsync(sessionId, input.Token, cancellationToken)))
            .WithName("ScanCheckInCode").WithSummary("A patient's scan of the room screen's code: check in, or check out when already in.")
            .Produces<CheckInResultDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        checkIn.MapGet("/code", async (Guid sessionId, ICheckInApi service, CancellationToken cancellationToken) =>
                ToHttp(await service.CodeAsync(sessionId, cancellationToken)))
            .WithName("CheckInCode").WithSummary("The room device's current check-in code (QR as SVG).")
            .Produces<CheckInCodeDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return checkIn;
    }

    /// <summary>Like the clinic API's mapping, plus the refusal's stable code as the problem's "code" member.</summary>
    private static IResult ToHttp<T>(ApiResult<T> result)
    {
        if (result.IsOk)
        {
            return TypedResults.Ok(result.Value);
        }

        var code = result.Errors is { } errors && errors.TryGetValue("code", out var codes) ? codes[0] : null;
        var (status, title, type) = result.Status switch
        {
            ApiStatus.NotFound => (StatusCodes.Status404NotFound, "Not Found", ApiProblems.NotFoundType),
            ApiStatus.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden", ApiProblems.ForbiddenType),
            ApiStatus.Invalid => (StatusCodes.Status400BadRequest, "Bad Request", ApiProblems.BadRequestType),
            _ => (StatusCodes.Status409Conflict, "Conflict", ApiProblems.ConflictType),
        };
        return TypedResults.Problem(result.Message, statusCode: status, title: title, type: type,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
