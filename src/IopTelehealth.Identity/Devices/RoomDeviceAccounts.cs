using System.Security.Claims;
using IopTelehealth.Domain;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace IopTelehealth.Identity.Devices;

/// <summary>
/// One account per approved room device: its own subject in tokens and in the audit log, bound to one clinic and one group,
/// without a password (it can only get tokens through the device flow and refresh). Revoking locks the account, so the next
/// refresh fails, and revokes its tokens at once.
/// </summary>
public sealed class RoomDeviceAccounts(UserManager<AppUser> users, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations,
    TimeProvider clock)
{
    /// <summary>User claim (not a token claim): the group whose sessions the device joins. Read from the store at every join.</summary>
    public const string GroupClaim = "iop_room_group";

    /// <summary>User claim: the label staff gave the device ("Room 2 PC"); shown to peers as the device's name.</summary>
    public const string LabelClaim = "iop_device_label";

    public const int MaxLabelLength = 60;

    public async Task<AppUser> CreateAsync(Guid clinicId, Guid groupId, string label, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var user = new AppUser
        {
            Id = id,
            UserName = $"room-device-{id:N}",
            // Identity requires a unique e-mail; the reserved .invalid domain can never receive mail or collide with a person.
            Email = $"{id:N}@room-device.invalid",
            EmailConfirmed = true,
            ClinicId = clinicId,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, Roles.RoomDevice));
        Check(await users.AddClaimsAsync(user, [new Claim(GroupClaim, groupId.ToString()), new Claim(LabelClaim, label)]));
        cancellationToken.ThrowIfCancellationRequested();
        return user;
    }

    /// <summary>Locks the device out for good and revokes every token and authorization it holds.</summary>
    public async Task RevokeAsync(AppUser device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        Check(await users.SetLockoutEnabledAsync(device, true));
        Check(await users.SetLockoutEndDateAsync(device, DateTimeOffset.MaxValue));
        await tokens.RevokeBySubjectAsync(device.Id.ToString(), cancellationToken);
        await authorizations.RevokeBySubjectAsync(device.Id.ToString(), cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Room device account: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
