using Microsoft.AspNetCore.SignalR;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IopTelehealth.Server.Rooms;

/// <summary>SignalR's user id is the account id (<c>sub</c>) in both the cookie session and bearer tokens.</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection?.User.FindFirst(Claims.Subject)?.Value;
}
