using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence.Tests;

public abstract partial class PersistenceSpecification
{
    [Fact]
    public async Task A_user_account_keeps_its_clinic_instants_and_roles()
    {
        var clinic = Seed.Clinic();
        var user = Seed.User(clinic);
        // Instants may arrive in any offset (a user's local time); they are the same instant when read back.
        user.CreatedAt = new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-5)).AddTicks(10);
        user.LockoutEnabled = true;
        user.LockoutEnd = new DateTimeOffset(2026, 11, 1, 1, 10, 0, TimeSpan.FromHours(-6));
        var role = new AppRole($"role-{Guid.NewGuid():N}") { Id = Guid.NewGuid() };
        role.NormalizedName = role.Name!.ToUpperInvariant();
        await Database.AddAsync(clinic, user, role, new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });

        var stored = await Database.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id, Ct));
        Assert.Equal(clinic.Id, stored.ClinicId);
        Assert.Equal(user.NormalizedEmail, stored.NormalizedEmail);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero).AddTicks(10), stored.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 7, 10, 0, TimeSpan.Zero), stored.LockoutEnd);
        Assert.Equal([role.Id], await Database.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync(Ct)));
        Assert.Equal([user.Id], await Database.WithDbAsync(db => db.Users.Where(u => u.ClinicId == clinic.Id).Select(u => u.Id).ToListAsync(Ct)));
    }

    [Fact]
    public async Task A_user_account_of_a_clinic_that_does_not_exist_is_refused()
    {
        var user = Seed.User(Seed.Clinic());

        await Assert.ThrowsAsync<DbUpdateException>(() => Database.AddAsync(user));

        Assert.False(await Database.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id, Ct)));
    }
}
