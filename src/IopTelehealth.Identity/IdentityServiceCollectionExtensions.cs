using IopTelehealth.Identity.Account;
using IopTelehealth.Identity.Audit;
using IopTelehealth.Identity.Devices;
using IopTelehealth.Identity.Keys;
using IopTelehealth.Identity.Passwords;
using IopTelehealth.Identity.Server;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IopTelehealth.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity (accounts, lockout, TOTP, password policy) plus the OpenIddict server and local token validation.
    /// Settings are validated at start; keys resolve lazily so a bad key fails with the validator's message, not a stack trace.
    /// </summary>
    public static IServiceCollection AddIopIdentity<TContext>(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
        where TContext : DbContext
    {
        var section = configuration.GetSection(IdentitySettings.Section);
        var settings = section.Get<IdentitySettings>() ?? new IdentitySettings();
        services.AddOptions<IdentitySettings>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentitySettings>, IdentitySettingsValidator>();
        services.AddHttpContextAccessor();
        services.TryAddTimeProvider();
        services.AddScoped<SecurityAudit>();
        services.AddScoped<PrincipalFactory>();
        services.AddScoped<RoomDeviceAccounts>();
        services.AddSingleton(CommonPasswordList.Shipped);

        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // NIST 800-63B: length and a blocklist, no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<TContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.AddOptions<IdentityOptions>().Configure<IOptions<IdentitySettings>>((options, s) =>
        {
            options.Lockout.MaxFailedAccessAttempts = s.Value.MaxFailedAccessAttempts;
            options.Lockout.DefaultLockoutTimeSpan = s.Value.LockoutWindow;
        });
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<IdentitySettings>>((options, s) => options.TokenLifespan = s.Value.InviteLifetime);

        var cookieSecurity = settings.AllowInsecureHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<IdentitySettings>>((options, s) =>
        {
            options.Cookie.Name = "iop.id";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.LoginPath = "/account/login";
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = s.Value.IdleTimeout;
            options.SlidingExpiration = true;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure(options =>
        {
            options.Cookie.Name = "iop.2fa";
            options.Cookie.SecurePolicy = cookieSecurity;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.AddAuthentication().AddCookie(MfaEnrollment.Scheme, options =>
        {
            options.Cookie.Name = "iop.mfa-enroll";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            options.SlidingExpiration = false;
            options.LoginPath = "/account/login";
        });

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<TContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetDeviceAuthorizationEndpointUris("connect/device")
                    .SetEndUserVerificationEndpointUris("connect/verify");
                options.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow().AllowDeviceAuthorizationFlow();
                options.AddEventHandler(DevicePollThrottle.Descriptor);
                options.RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, IopScopes.Api);
                // A redeemed refresh token presented again means it leaked: with no leeway OpenIddict revokes the whole family.
                options.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                var aspnet = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough();
                if (settings.AllowInsecureHttp)
                {
                    aspnet.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                options.AddAudiences(Server.IopScopes.ApiResource);
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<IdentitySettings>>((options, s) =>
        {
            // S256 only: "plain" PKCE protects nothing against an attacker who can read the authorization request.
            options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
            options.Issuer = s.Value.Issuer;
            options.AccessTokenLifetime = s.Value.AccessTokenLifetime;
            options.RefreshTokenLifetime = s.Value.RefreshTokenLifetime;
            options.DeviceCodeLifetime = s.Value.DeviceCodeLifetime;
            options.UserCodeLifetime = s.Value.DeviceCodeLifetime;
            var keys = TokenKeys.Resolve(s.Value, dataDirectory);
            options.SigningCredentials.Add(new Microsoft.IdentityModel.Tokens.SigningCredentials(keys.Signing, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new Microsoft.IdentityModel.Tokens.EncryptingCredentials(keys.Encryption,
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaOAEP, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256CbcHmacSha512));
        });

        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
