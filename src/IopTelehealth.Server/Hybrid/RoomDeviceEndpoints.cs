using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Audit;
using IopTelehealth.Identity.Devices;
using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence;
using IopTelehealth.Server.ClinicApi;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Hybrid;

/// <summary>An approved room device as its clinic's admin sees it.</summary>
public sealed record RoomDeviceDto(Guid Id, string Label, Guid GroupId, DateTimeOffset ApprovedAt, bool Revoked);

/// <summary>/api/room-devices: a clinic admin lists the clinic's room devices and revokes one (lost, replaced, stolen).</summary>
internal static class RoomDeviceEndpoints
{
    public static RouteGroupBuilder MapRoomDeviceEndpoints(this IEndpointRouteBuilder api)
    {
        var devices = api.MapGroup("/room-devices").WithTags("Room devices");
        devices.MapGet("/", ListAsync).WithName("ListRoomDevices").WithSummary("The clinic's approved room devices (admin).")
            .Produces<IReadOnlyList<RoomDeviceDto>>().ProducesProblem(StatusCodes.Status403Forbidden);
        devices.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeRoomDevice")
            .WithSummary("Revokes a room device: its tokens are revoked and it can neither refresh nor join a session again (admin).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return devices;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IopDbContext db, SecurityAudit audit, CancellationToken cancellationToken)
    {
        if (await AdminAsync(context, audit, null) is not { } admin)
        {
            return Forbidden();
        }

        var deviceRole = await db.Roles.Where(r => r.Name == Roles.RoomDevice).Select(r => r.Id).SingleAsync(cancellationToken);
        var rows = await (
            from user in db.Users.AsNoTracking()
            join role in db.UserRoles on user.Id equals role.UserId
            where role.RoleId == deviceRole && user.ClinicId == admin.ClinicId
            select user).ToListAsync(cancellationToken);
        var ids = rows.Select(u => u.Id).ToList();
        var claims = await db.UserClaims.AsNoTracking().Where(c => ids.Contains(c.UserId)).ToListAsync(cancellationToken);
        string? Claim(Guid id, string type) => claims.FirstOrDefault(c => c.UserId == id && c.ClaimType == type)?.ClaimValue;
        return TypedResults.Ok(rows.OrderBy(u => u.CreatedAt).Select(u => new RoomDeviceDto(u.Id, Claim(u.Id, RoomDeviceAccounts.LabelClaim) ?? "",
            Guid.TryParse(Claim(u.Id, RoomDeviceAccounts.GroupClaim), out var group) ? group : Guid.Empty, u.CreatedAt,
            u.LockoutEnd > DateTimeOffset.UtcNow)).ToList());
    }

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext context, UserManager<AppUser> users, RoomDeviceAccounts devices,
        SecurityAudit audit, CancellationToken cancellationToken)
    {
        if (await AdminAsync(context, audit, id) is not { } admin)
        {
            return Forbidden();
        }

        var device = await users.FindByIdAsync(id.ToString());
        if (device is null || device.ClinicId != admin.ClinicId || !await users.IsInRoleAsync(device, Roles.RoomDevice))
        {
            if (device is not null && device.ClinicId != admin.ClinicId)
            {
                await audit.WriteAsync(AuditActions.CrossClinicAccess, AuditOutcome.Denied, targetType: "room-device", targetId: id.ToString(),
                    cancellationToken: cancellationToken);
            }

            return TypedResults.Problem("No such room device.", statusCode: StatusCodes.Status404NotFound, title: "Not Found", type: ClinicApi.Endpoints.ApiProblems.NotFoundType);
        }

        await devices.RevokeAsync(device, cancellationToken);
        await audit.WriteAsync(AuditActions.RoomDeviceRevoked, AuditOutcome.Success, targetType: "room-device", targetId: id.ToString(), cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<CurrentCaller?> AdminAsync(HttpContext context, SecurityAudit audit, Guid? target)
    {
        var caller = CurrentCaller.From(context.User);
        if (caller is not null && caller.IsInRole(Roles.Admin))
        {
            return caller;
        }

        await audit.WriteAsync(AuditActions.Forbidden, AuditOutcome.Denied, targetType: "room-device", targetId: target?.ToString());
        return null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden() => TypedResults.Problem("Only a clinic administrator manages room devices.", statusCode: StatusCodes.Status403Forbidden,
        title: "Forbidden", type: ClinicApi.Endpoints.ApiProblems.ForbiddenType);
}
