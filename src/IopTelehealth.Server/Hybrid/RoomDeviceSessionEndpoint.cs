using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Identity.Devices;
using IopTelehealth.Persistence;
using IopTelehealth.Server.ClinicApi;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Hybrid;

/// <summary>
/// GET /api/room-device/session: the session the calling room device should be in now (its group's session that is open or
/// opens within the lobby lead), so the clinic PC needs no one to pick it. 404 with code "no-session" between sessions.
/// </summary>
internal static class RoomDeviceSessionEndpoint
{
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(15);

    public static void MapRoomDeviceSession(this IEndpointRouteBuilder api) =>
        api.MapGet("/room-device/session", FindAsync).WithTags("Room devices").WithName("RoomDeviceSession")
            .WithSummary("The room device's current session (its group's session open now).")
            .Produces<RoomDeviceSessionDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> FindAsync(HttpContext context, IopDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CurrentCaller.From(context.User);
        if (caller is null || !caller.IsInRole(Roles.RoomDevice))
        {
            return Problem(StatusCodes.Status403Forbidden, "forbidden", "Only a room device asks for its session.");
        }

        var group = await db.UserClaims.AsNoTracking().Where(c => c.UserId == caller.UserId && c.ClaimType == RoomDeviceAccounts.GroupClaim)
            .Select(c => c.ClaimValue).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sessions = Guid.TryParse(group, out var groupId)
            ? await db.Sessions.AsNoTracking().Where(s => s.GroupId == groupId && s.ClinicId == caller.ClinicId && s.Status != GroupSessionStatus.Cancelled)
                .ToListAsync(cancellationToken)
            : [];
        // Filtered here: SQLite cannot compare DateTimeOffset columns in SQL.
        var current = sessions.Where(s => s.ScheduledStart - Lead <= now && now < s.ScheduledEnd).OrderBy(s => s.ScheduledStart).FirstOrDefault();
        if (current is null)
        {
            return Problem(StatusCodes.Status404NotFound, "no-session", "No session of this room is open now.");
        }

        var groupName = await db.Groups.Where(g => g.Id == current.GroupId).Select(g => g.Name).SingleAsync(cancellationToken);
        return TypedResults.Ok(new RoomDeviceSessionDto(current.Id, groupName, current.Topic, current.ScheduledStart, current.ScheduledEnd));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
