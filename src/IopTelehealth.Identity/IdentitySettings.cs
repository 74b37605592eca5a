using System.ComponentModel.DataAnnotations;

namespace IopTelehealth.Identity;

/// <summary>Configuration section "Identity". Production rules are enforced by <see cref="IdentitySettingsValidator"/> at start.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>The public base URL of the server; it is the token issuer and the web client's authority.</summary>
    [Required]
    public Uri? Issuer { get; set; }

    /// <summary>Allows http:// issuers and cookies without the Secure flag. Development and tests only.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>RSA private key (PEM) that signs tokens. Generated into the data folder when absent outside Production.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>RSA private key (PEM) that encrypts access tokens. Generated like the signing key.</summary>
    public string? EncryptionKeyPem { get; set; }

    /// <summary>Secret of the server-side web client (backend-for-frontend). Generated into the data folder when absent outside Production.</summary>
    public string? WebClientSecret { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    [Range(typeof(TimeSpan), "00:05:00", "14.00:00:00")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a room device's user code can be approved (device authorization flow).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeviceCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The least time between two polls of one device code; a faster poll is answered "slow_down" (RFC 8628 3.5).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan DevicePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Machine clients allowed the client-credentials grant (e.g. an EHR export job).</summary>
    public List<ServiceClientSettings> ServiceClients { get; set; } = [];
}

public sealed class ServiceClientSettings
{
    [Required]
    public string ClientId { get; set; } = "";

    [Required, MinLength(32)]
    public string ClientSecret { get; set; } = "";

    public Guid ClinicId { get; set; }

    public string? DisplayName { get; set; }
}
