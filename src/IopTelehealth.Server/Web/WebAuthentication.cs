using IopTelehealth.Identity;
using IopTelehealth.Identity.Clients;
using IopTelehealth.Identity.Server;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IopTelehealth.Server.Web;

/// <summary>
/// The web client's session (backend-for-frontend): a server-side cookie obtained through our own identity server
/// with authorization code + PKCE, exactly as an external client would. Tokens stay on the server in the cookie ticket.
/// </summary>
internal static class WebAuthentication
{
    public const string CookieScheme = "Iop.Web";
    public const string OidcScheme = "Iop.Oidc";

    public static IServiceCollection AddIopWebAuthentication(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var settings = configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
        services.AddAuthentication(options =>
            {
                // AddIdentity made its own cookie the default; the web app's pages use the web session instead.
                options.DefaultScheme = CookieScheme;
                options.DefaultAuthenticateScheme = CookieScheme;
                options.DefaultSignInScheme = CookieScheme;
                options.DefaultSignOutScheme = CookieScheme;
                options.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "iop.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = settings.AllowInsecureHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/forbidden";
            })
            .AddOpenIdConnect(OidcScheme, options =>
            {
                options.SignInScheme = CookieScheme;
                options.ClientId = FirstPartyClients.Web;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.CallbackPath = FirstPartyClients.WebCallbackPath;
                options.SignedOutCallbackPath = FirstPartyClients.WebSignedOutCallbackPath;
                options.SignedOutRedirectUri = "/";
                options.RequireHttpsMetadata = !settings.AllowInsecureHttp;
                if (settings.AllowInsecureHttp)
                {
                    // Over plain http a Secure cookie is never sent back. The issuer is this same site, so the
                    // form_post callback is a same-site POST and Lax cookies come with it.
                    options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                    options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.NonceCookie.SameSite = SameSiteMode.Lax;
                }

                options.Scope.Clear();
                foreach (var scope in new[] { Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, IopScopes.Api })
                {
                    options.Scope.Add(scope);
                }

                options.TokenValidationParameters.NameClaimType = Claims.Name;
                options.TokenValidationParameters.RoleClaimType = Claims.Role;
                // The identity server's login page is ours: a failed remote sign-in goes home, not to an exception page.
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/?signin=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<IdentitySettings>>((options, s) =>
        {
            options.Authority = s.Value.Issuer!.ToString();
            options.ClientSecret = FirstPartyClients.ResolveWebSecret(s.Value, dataDirectory);
        });
        services.AddSingleton<DistributedTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<IdentitySettings>, DistributedTicketStore>((options, s, store) =>
        {
            options.ExpireTimeSpan = s.Value.IdleTimeout;
            options.SessionStore = store;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWebSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/signin", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = SafeLocal(returnUrl) }, [OidcScheme]))
            .AllowAnonymous().ExcludeFromDescription();

        // POST with the antiforgery token of the page's sign-out form: a cross-site GET must not end a patient's session.
        routes.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
            {
                if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }

                // The identity server's end-session endpoint ends its own session too (and audits the sign-out).
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, OidcScheme]);
            })
            .RequireAuthorization().ExcludeFromDescription();
        return routes;
    }

    private static string SafeLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
