using System.Net;
using IopTelehealth.Client;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Devices;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Hybrid;

/// <summary>The room device's sign-in (RFC 8628) with real codes, real staff approval over HTTP and real tokens.</summary>
public sealed class DeviceFlowTests(DeviceFlowTests.Server server) : IClassFixture<DeviceFlowTests.Server>
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public sealed class Server() : IopServer(new Dictionary<string, string?> { ["Identity:DevicePollInterval"] = "00:00:01" });

    [Fact]
    public async Task Staff_approval_gives_the_device_tokens_of_its_own_account_that_join_the_group_as_the_room_device()
    {
        var groupId = await server.DemoGroupIdAsync();
        var staffId = await server.UserIdAsync(DemoAccounts.Staff);
        var device = await server.RequestDeviceCodeAsync();
        Assert.Equal(HttpStatusCode.OK, device.Status);
        Assert.StartsWith(server.BaseAddress + "connect/verify", device.VerificationUri, StringComparison.Ordinal);

        var (browser, page) = await server.OpenVerificationAsync(device.UserCode!);
        using (browser)
        {
            Assert.Contains(DemoAccounts.GroupName, page.Html, StringComparison.Ordinal);
            var decided = await browser.DecideAsync(page, "approve", groupId, "Room 2 PC");
            Assert.Contains("Approved", decided.Html, StringComparison.Ordinal);
        }

        var tokens = await server.PollUntilDecidedAsync(device.DeviceCode!, PollInterval);

        Assert.NotNull(tokens.AccessToken);
        Assert.NotNull(tokens.RefreshToken);
        var approval = (await server.AuditAsync(AuditActions.RoomDeviceApproved)).First();
        Assert.Equal((AuditOutcome.Success, staffId), (approval.Outcome, approval.UserId));
        var deviceId = Guid.Parse(approval.TargetId!);
        Assert.NotEqual(staffId, deviceId);
        var account = await server.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == deviceId));
        Assert.Null(account.PasswordHash);
        var claims = await server.WithDbAsync(db => db.UserClaims.Where(c => c.UserId == deviceId).ToListAsync());
        Assert.Contains(claims, c => c.ClaimType == RoomDeviceAccounts.GroupClaim && c.ClaimValue == groupId.ToString());

        await using var room = await RoomParticipants.ConnectAsync([server.BaseAddress], tokens.AccessToken);
        var join = await room.JoinSession(await server.OpenSessionIdAsync(), null);
        Assert.Equal("admitted", join.Admission);
        await Eventually.TrueAsync(() => room.View.Participants.Any(p => p.Id == join.ParticipantId && p.Role == "room-device" && p.DisplayName == "Room 2 PC"),
            "the device is in the room as the room device, named as staff named it");

        var refreshed = await RefreshAsync(tokens.RefreshToken!);
        Assert.NotNull(refreshed.AccessToken);
    }

    [Fact]
    public async Task A_denied_code_answers_access_denied_and_creates_no_device()
    {
        var before = await DeviceCountAsync();
        var device = await server.RequestDeviceCodeAsync();
        var (browser, page) = await server.OpenVerificationAsync(device.UserCode!);
        using (browser)
        {
            await browser.DecideAsync(page, "deny", await server.DemoGroupIdAsync());
        }

        var answer = await server.PollUntilDecidedAsync(device.DeviceCode!, PollInterval);

        Assert.Equal("access_denied", answer.Error);
        Assert.Null(answer.AccessToken);
        Assert.Equal(before, await DeviceCountAsync());
        var staffId = await server.UserIdAsync(DemoAccounts.Staff);
        Assert.Contains(await server.AuditAsync(AuditActions.RoomDeviceDenied), a => a.UserId == staffId);
    }

    [Fact]
    public async Task Polling_faster_than_the_interval_is_answered_slow_down()
    {
        var device = await server.RequestDeviceCodeAsync();

        var first = await server.PollAsync(device.DeviceCode!);
        var second = await server.PollAsync(device.DeviceCode!);

        Assert.Equal("authorization_pending", first.Error);
        Assert.Equal("slow_down", second.Error);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
    }

    [Fact]
    public async Task Staff_cannot_bind_a_device_to_another_clinics_group()
    {
        var other = await OtherClinic.ArrangeAsync(server);
        var device = await server.RequestDeviceCodeAsync();
        var (browser, page) = await server.OpenVerificationAsync(device.UserCode!);
        using (browser)
        {
            Assert.DoesNotContain(other.GroupId.ToString(), page.Html, StringComparison.Ordinal);

            var refused = await browser.DecideAsync(page, "approve", other.GroupId);

            Assert.Contains("Choose one of your clinic", refused.Html, StringComparison.Ordinal);
        }

        Assert.Contains(await server.AuditAsync(AuditActions.RoomDeviceApproved), a => a.Outcome == AuditOutcome.Denied && a.TargetId == other.GroupId.ToString());
        Assert.Equal("authorization_pending", (await server.PollAsync(device.DeviceCode!)).Error);
    }

    [Fact]
    public async Task A_device_approved_by_another_clinic_cannot_enter_this_clinics_sessions()
    {
        var other = await OtherClinic.ArrangeAsync(server);
        var device = await server.RequestDeviceCodeAsync();
        var (browser, page) = await server.OpenVerificationAsync(device.UserCode!, other.AdminEmail, other.TotpSecret);
        using (browser)
        {
            await browser.DecideAsync(page, "approve", other.GroupId);
        }

        var tokens = await server.PollUntilDecidedAsync(device.DeviceCode!, PollInterval);
        await using var room = await RoomParticipants.ConnectAsync([server.BaseAddress], tokens.AccessToken);

        var refused = await Assert.ThrowsAsync<RoomCallException>(async () => await room.JoinSession(await server.OpenSessionIdAsync(), null));

        Assert.Equal("session-not-found", refused.Code);
    }

    [Fact]
    public async Task Patients_and_therapists_cannot_approve_devices()
    {
        var device = await server.RequestDeviceCodeAsync();

        var (patientBrowser, patientPage) = await server.OpenVerificationAsync(device.UserCode!, DemoAccounts.Patient(3), "");
        using (patientBrowser)
        {
            Assert.Equal(HttpStatusCode.Forbidden, patientPage.Status);
        }

        var (therapistBrowser, therapistPage) = await server.OpenVerificationAsync(device.UserCode!, DemoAccounts.Therapist);
        using (therapistBrowser)
        {
            Assert.Equal(HttpStatusCode.Forbidden, therapistPage.Status);
        }

        Assert.Equal("authorization_pending", (await server.PollAsync(device.DeviceCode!)).Error);
        var patientId = await server.UserIdAsync(DemoAccounts.Patient(3));
        Assert.Contains(await server.AuditAsync(AuditActions.Forbidden), a => a.UserId == patientId && a.TargetType == "room-device");
    }

    [Fact]
    public async Task A_revoked_device_can_neither_refresh_nor_join_again()
    {
        var tokens = await server.SignInRoomDeviceAsync(await server.DemoGroupIdAsync(), PollInterval);
        var deviceId = Guid.Parse((await server.AuditAsync(AuditActions.RoomDeviceApproved)).First().TargetId!);
        var admin = await server.ApiAsAsync(DemoAccounts.Admin);
        var staff = await server.ApiAsAsync(DemoAccounts.Staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.ApiDeleteAsync($"/api/room-devices/{deviceId}")).StatusCode);
        var listed = await (await admin.ApiGetAsync("/api/room-devices")).ReadAsync<List<IopTelehealth.Server.Hybrid.RoomDeviceDto>>();
        Assert.Contains(listed, d => d.Id == deviceId && !d.Revoked);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.ApiDeleteAsync($"/api/room-devices/{deviceId}")).StatusCode);

        Assert.Equal("invalid_grant", (await RefreshAsync(tokens.RefreshToken!)).Error);
        await using var room = await RoomParticipants.ConnectAsync([server.BaseAddress], tokens.AccessToken);
        var refused = await Assert.ThrowsAsync<RoomCallException>(async () => await room.JoinSession(await server.OpenSessionIdAsync(), null));
        Assert.Equal("not-enrolled", refused.Code);
        Assert.Contains(await server.AuditAsync(AuditActions.RoomDeviceRevoked), a => a.TargetId == deviceId.ToString());
    }

    private async Task<Client.SignIn.TokenResponse> RefreshAsync(string refreshToken)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = RoomDevices.ClientId,
        });
        using var response = await http.PostAsync("/connect/token", content);
        return await response.ReadAsync<Client.SignIn.TokenResponse>();
    }

    private Task<int> DeviceCountAsync() => server.WithDbAsync(db =>
        db.UserRoles.CountAsync(r => r.RoleId == db.Roles.Where(x => x.Name == Roles.RoomDevice).Select(x => x.Id).Single()));
}
