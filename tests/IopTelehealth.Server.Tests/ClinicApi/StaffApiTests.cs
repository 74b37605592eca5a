using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Users;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.ClinicApi;

public sealed class StaffApiTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Admin_adds_a_therapist_and_a_role_change_is_audited()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var adminUserId = await server.UserIdAsync(DemoAccounts.Admin);
        var email = NewEmail();

        var member = await api.CreateAsync<StaffDto>("/api/staff", new StaffInput { Email = email, DisplayName = "Jo Park", Credentials = "LPC", Role = Roles.Therapist });
        Assert.Equal((Roles.Therapist, false, false), (member.Role, member.MfaEnabled, member.HasPassword));

        using var response = await api.ApiPutAsync($"/api/staff/{member.Id}", new StaffInput { Email = email, DisplayName = "Jo Park", Credentials = "LPC", Role = Roles.Staff });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Roles.Staff, (await response.ReadAsync<StaffDto>()).Role);
        Assert.Equal([Roles.Staff], await RolesOfAsync(member.UserId));
        var row = Assert.Single(await server.AuditAsync(AuditActions.RoleChanged), a => a.TargetId == member.UserId.ToString());
        Assert.Equal(("user", "role:therapist->staff", adminUserId, AuditOutcome.Success), (row.TargetType, row.Detail, row.UserId, row.Outcome));
    }

    [Fact]
    public async Task Saving_a_member_without_changing_the_role_writes_no_role_change()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var email = NewEmail();
        var member = await api.CreateAsync<StaffDto>("/api/staff", new StaffInput { Email = email, DisplayName = "Lee Moss", Role = Roles.Staff });

        using var response = await api.ApiPutAsync($"/api/staff/{member.Id}", new StaffInput { Email = email, DisplayName = "Lee Moss-Grant", Role = Roles.Staff });

        Assert.Equal("Lee Moss-Grant", (await response.ReadAsync<StaffDto>()).DisplayName);
        Assert.DoesNotContain(await server.AuditAsync(AuditActions.RoleChanged), a => a.TargetId == member.UserId.ToString());
    }

    [Fact]
    public async Task Admin_cannot_demote_or_delete_themselves()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var self = await server.StaffIdAsync(DemoAccounts.Admin);

        using var demote = await api.ApiPutAsync($"/api/staff/{self}", new StaffInput { Email = DemoAccounts.Admin, DisplayName = "Alex Morgan", Role = Roles.Therapist });
        using var delete = await api.ApiDeleteAsync($"/api/staff/{self}");

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("Role", (await demote.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal([Roles.Admin], await RolesOfAsync(await server.UserIdAsync(DemoAccounts.Admin)));
    }

    [Fact]
    public async Task Mfa_reset_turns_off_the_authenticator_replaces_its_key_and_is_audited()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var member = await api.CreateAsync<StaffDto>("/api/staff", new StaffInput { Email = NewEmail(), DisplayName = "Ken Ito", Role = Roles.Therapist });
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(member.UserId.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        });
        var keyBefore = await WithUsersAsync(async users => await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(member.UserId.ToString()))!));

        using var response = await api.ApiPostAsync($"/api/staff/{member.Id}/mfa-reset", new { });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False((await (await api.ApiGetAsync($"/api/staff/{member.Id}")).ReadAsync<StaffDto>()).MfaEnabled);
        var keyAfter = await WithUsersAsync(async users => await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(member.UserId.ToString()))!));
        Assert.NotEqual(keyBefore, keyAfter);
        var row = Assert.Single(await server.AuditAsync(AuditActions.MfaReset), a => a.TargetId == member.UserId.ToString());
        Assert.Equal(await server.UserIdAsync(DemoAccounts.Admin), row.UserId);
    }

    [Fact]
    public async Task Deleting_a_therapist_removes_the_account_and_their_group_assignments()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var member = await api.CreateAsync<StaffDto>("/api/staff", new StaffInput { Email = NewEmail(), DisplayName = "Ava Stone", Role = Roles.Therapist });
        var group = await api.CreateAsync<GroupDto>("/api/groups",
            new GroupInput { ProgramId = await server.DemoProgramIdAsync(), Name = $"Stone group {Guid.NewGuid():N}"[..20], TherapistIds = [member.Id] });

        using var response = await api.ApiDeleteAsync($"/api/staff/{member.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await server.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == member.UserId)));
        Assert.Empty((await (await api.ApiGetAsync($"/api/groups/{group.Id}")).ReadAsync<GroupDto>()).TherapistIds);
    }

    [Fact]
    public async Task Patient_is_not_a_staff_role_and_a_taken_address_is_a_conflict()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var before = await server.WithDbAsync(db => db.Staff.CountAsync());

        using var patientRole = await api.ApiPostAsync("/api/staff", new StaffInput { Email = NewEmail(), DisplayName = "Not Staff", Role = Roles.Patient });
        using var taken = await api.ApiPostAsync("/api/staff", new StaffInput { Email = DemoAccounts.Patient(1), DisplayName = "Dup", Role = Roles.Staff });

        Assert.Equal(["Role"], (await patientRole.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(before, await server.WithDbAsync(db => db.Staff.CountAsync()));
    }

    private static string NewEmail() => $"staff-{Guid.NewGuid():N}@demo.test";

    private Task<IList<string>> RolesOfAsync(Guid userId) =>
        WithUsersAsync(async users => await users.GetRolesAsync((await users.FindByIdAsync(userId.ToString()))!));

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> work)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private async Task WithUsersAsync(Func<UserManager<AppUser>, Task> work)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }
}
