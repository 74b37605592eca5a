using System.Security.Claims;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Server.ClinicApi;

namespace IopTelehealth.Server.Rooms;

internal static class RoomCallers
{
    /// <summary>The room caller from the web session or a bearer token (both carry sub, clinic_id and role).</summary>
    public static RoomCaller? From(ClaimsPrincipal? principal) =>
        CurrentCaller.From(principal) is { } caller ? new RoomCaller(caller.UserId, caller.ClinicId, caller.Roles) : null;
}
