using Microsoft.AspNetCore.Identity;

namespace IopTelehealth.Identity.Users;

/// <summary>A sign-in account. The user name is the e-mail address; clinical identity lives in the profiles.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>The tenant. Fixed for the life of the account.</summary>
    public Guid ClinicId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }
}
