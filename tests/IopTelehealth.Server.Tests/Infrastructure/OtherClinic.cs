using IopTelehealth.Domain;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence;
using IopTelehealth.Server.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>
/// A second tenant on the demo server, written straight into the database: a clinic with a program, a group and an admin
/// who signs in with the demo password and a TOTP key of their own.
/// </summary>
public sealed record OtherClinic(Guid ClinicId, Guid AdminUserId, string AdminEmail, string TotpSecret, Guid ProgramId, Guid GroupId)
{
    public const string TotpKey = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    public static async Task<OtherClinic> ArrangeAsync(IopServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var keys = (IUserAuthenticatorKeyStore<AppUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var clinic = new Clinic(Guid.NewGuid(), $"Lakeside Clinic {suffix}", "America/New_York");
        var program = new IopProgram(Guid.NewGuid(), clinic.Id, "Morning IOP", new ProgramSettings());
        var group = new TherapyGroup(Guid.NewGuid(), clinic.Id, program.Id, "Lakeside Morning Group", 8, program.MaxGroupSize);
        db.AddRange(clinic, program, group);
        await db.SaveChangesAsync();

        var email = $"admin-{suffix}@lakeside.test";
        var admin = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, ClinicId = clinic.Id, CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(admin, DemoAccounts.Password));
        Check(await users.AddToRoleAsync(admin, Roles.Admin));
        await keys.SetAuthenticatorKeyAsync(admin, TotpKey, CancellationToken.None);
        Check(await users.SetTwoFactorEnabledAsync(admin, true));
        db.Add(new StaffProfile(Guid.NewGuid(), clinic.Id, admin.Id, "Lakeside Admin", null));
        await db.SaveChangesAsync();
        return new OtherClinic(clinic.Id, admin.Id, email, TotpKey, program.Id, group.Id);
    }

    public Task<HttpClient> AdminApiAsync(IopServer server) => server.ApiAsAsync(AdminEmail, DemoAccounts.Password, TotpSecret);

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
}
