using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Account;
using IopTelehealth.Identity.Audit;
using IopTelehealth.Identity.Devices.Pages;
using IopTelehealth.Identity.Server;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace IopTelehealth.Identity.Devices;

/// <summary>
/// /connect/verify (OpenIddict end-user verification, passthrough). Clinic staff or an admin, signed in with a second
/// factor, enter the code a room device shows, choose the group whose sessions it serves, and approve or deny. Approval
/// creates the device's own account (<see cref="RoomDeviceAccounts"/>) and hands OpenIddict that account's principal, so the
/// polling device receives tokens for the device, never for the person who approved it. Both decisions are audited.
/// </summary>
public static class DeviceVerifyEndpoint
{
    private const string Expired = "That code is not valid or has expired. Start again on the room screen.";

    public static async Task<IResult> ShowAsync(HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, IDeviceRoomCatalog catalog,
        SecurityAudit audit, string? outcome)
    {
        var approver = await ApproverAsync(context, users, audit);
        if (approver.Result is not null)
        {
            return approver.Result;
        }

        var request = context.GetOpenIddictServerRequest();
        if (string.IsNullOrEmpty(request?.UserCode))
        {
            var message = outcome switch
            {
                "approved" => "Approved. The room screen connects within a few seconds.",
                "denied" => "Denied. The room screen will not be connected.",
                _ => null,
            };
            return Page(context, antiforgery, null, [], message, success: outcome == "approved");
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || string.IsNullOrEmpty(result.Principal.GetClaim(OpenIddictConstants.Claims.ClientId)))
        {
            return Page(context, antiforgery, null, [], Expired, success: false);
        }

        var rooms = await catalog.RoomsAsync(approver.User!.ClinicId, context.RequestAborted);
        return Page(context, antiforgery, request.UserCode, rooms, rooms.Count == 0 ? "Your clinic has no groups yet; create one first." : null, success: false);
    }

    public static async Task<IResult> DecideAsync(HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, IDeviceRoomCatalog catalog,
        RoomDeviceAccounts devices, PrincipalFactory principals, SecurityAudit audit)
    {
        var approver = await ApproverAsync(context, users, audit);
        if (approver.Result is not null)
        {
            return approver.Result;
        }

        var user = approver.User!;
        if (!await AccountEndpoints.ValidFormAsync(context, antiforgery))
        {
            return Page(context, antiforgery, null, [], "The form expired. Enter the code again.", success: false);
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || string.IsNullOrEmpty(result.Principal.GetClaim(OpenIddictConstants.Claims.ClientId)))
        {
            return Page(context, antiforgery, null, [], Expired, success: false);
        }

        var form = await context.Request.ReadFormAsync();
        if (form["decision"] != "approve")
        {
            await audit.WriteAsync(AuditActions.RoomDeviceDenied, AuditOutcome.Success, user.Id, user.ClinicId, targetType: "room-device");
            // Forbid at the verification endpoint marks the device code rejected: the device's next poll gets access_denied.
            return Results.Forbid(new AuthenticationProperties { RedirectUri = "/connect/verify?outcome=denied" },
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var rooms = await catalog.RoomsAsync(user.ClinicId, context.RequestAborted);
        var label = form["label"].ToString().Trim();
        if (!Guid.TryParse(form["group"], out var groupId) || rooms.All(r => r.GroupId != groupId))
        {
            // A group id the approver's clinic does not hold: another clinic's room, or a forged form.
            await audit.WriteAsync(AuditActions.RoomDeviceApproved, AuditOutcome.Denied, user.Id, user.ClinicId, targetType: "group",
                targetId: groupId == Guid.Empty ? null : groupId.ToString(), detail: "group-not-in-clinic");
            return Page(context, antiforgery, form["user_code"], rooms, "Choose one of your clinic's groups.", success: false);
        }

        if (label.Length is 0 or > RoomDeviceAccounts.MaxLabelLength)
        {
            return Page(context, antiforgery, form["user_code"], rooms, $"Give the device a name of 1 to {RoomDeviceAccounts.MaxLabelLength} characters.", success: false);
        }

        var device = await devices.CreateAsync(user.ClinicId, groupId, label, context.RequestAborted);
        await audit.WriteAsync(AuditActions.RoomDeviceApproved, AuditOutcome.Success, user.Id, user.ClinicId, targetType: "room-device",
            targetId: device.Id.ToString(), detail: $"group:{groupId}");
        var principal = await principals.CreateAsync(device, result.Principal.GetScopes(), mfa: false);
        return Results.SignIn(principal, new AuthenticationProperties { RedirectUri = "/connect/verify?outcome=approved" },
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Staff or admin of a clinic, signed in with a second factor; anyone else is sent to sign in or refused.</summary>
    private static async Task<(AppUser? User, IResult? Result)> ApproverAsync(HttpContext context, UserManager<AppUser> users, SecurityAudit audit)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        var mfa = session.Principal?.HasClaim(IopClaims.AuthenticationMethod, IopClaims.MfaMethod) == true;
        var returnUrl = context.Request.PathBase + context.Request.Path + (HttpMethods.IsGet(context.Request.Method) ? context.Request.QueryString : QueryString.Empty);
        var challenge = Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return (null, challenge);
        }

        var roles = await users.GetRolesAsync(user);
        if (!roles.Contains(Roles.Staff) && !roles.Contains(Roles.Admin))
        {
            await audit.WriteAsync(AuditActions.Forbidden, AuditOutcome.Denied, user.Id, user.ClinicId, targetType: "room-device", detail: "not-staff");
            return (null, Results.Content("<!DOCTYPE html><title>Not allowed</title><p>Only clinic staff or an administrator can connect a room device.</p>",
                "text/html", statusCode: StatusCodes.Status403Forbidden));
        }

        return mfa ? (user, null) : (null, challenge);
    }

    private static RazorComponentResult<DeviceVerifyPage> Page(HttpContext context, IAntiforgery antiforgery, string? userCode,
        IReadOnlyList<DeviceRoom> rooms, string? message, bool success) =>
        new(new { Token = AntiforgeryField.For(context, antiforgery), UserCode = userCode, Rooms = rooms, Message = message, Success = success });
}
