using System.Security.Claims;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Home;

/// <summary>
/// Calls the server's own IHomeApi as a given principal, the way a page does inside a request: the service reads the
/// caller from the request's user, so the test sets one up with the same claims the web session carries.
/// </summary>
internal static class HomeCaller
{
    public static async Task<T> AsAsync<T>(IopServer server, ClaimsPrincipal user, Func<IHomeApi, Task<T>> call)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        try
        {
            return await call(scope.ServiceProvider.GetRequiredService<IHomeApi>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    public static ClaimsPrincipal Principal(Guid userId, Guid clinicId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim("sub", userId.ToString()), new Claim("clinic_id", clinicId.ToString()), .. roles.Select(r => new Claim("role", r))],
            authenticationType: "test", nameType: "name", roleType: "role"));

    /// <summary>The principal a demo account's web session would carry.</summary>
    public static Task<ClaimsPrincipal> DemoUserAsync(IopServer server, string email, params string[] roles) =>
        server.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return Principal(user.Id, user.ClinicId, roles);
        });

    public static Task<Clinic> DemoClinicAsync(IopServer server) =>
        server.WithDbAsync(db => db.Clinics.SingleAsync());

    /// <summary>A sign-in account with nothing else; profiles reference one.</summary>
    public static AppUser NewUser(IopDbContext db, Guid clinicId)
    {
        var email = $"home-{Guid.NewGuid():N}@test.test";
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            ClinicId = clinicId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        return user;
    }

    public static DateOnly ClinicToday(Clinic clinic) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, clinic.TimeZone).DateTime);
}
