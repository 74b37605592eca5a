using System.Text.Json;
using IopTelehealth.Identity.Server;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IopTelehealth.Identity.Clients;

/// <summary>
/// Registers (or brings up to date) the first-party and configured service clients at start, so redirect URIs follow
/// the configured issuer and rotated secrets take effect without manual steps.
/// </summary>
public static class ClientRegistrar
{
    public static async Task RegisterAsync(IServiceProvider services, IdentitySettings settings, string webClientSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var issuer = settings.Issuer ?? throw new InvalidOperationException("Identity:Issuer is required.");
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = FirstPartyClients.Web,
            ClientSecret = webClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "IopTelehealth web",
            RedirectUris = { new Uri(issuer, FirstPartyClients.WebCallbackPath) },
            PostLogoutRedirectUris = { new Uri(issuer, FirstPartyClients.WebSignedOutCallbackPath) },
        };
        AddInteractivePermissions(web);
        await UpsertAsync(manager, web, cancellationToken);

        var tools = new OpenIddictApplicationDescriptor
        {
            ClientId = FirstPartyClients.Tools,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "IopTelehealth tools",
            RedirectUris = { new Uri(FirstPartyClients.ToolsRedirectUri) },
        };
        AddInteractivePermissions(tools);
        await UpsertAsync(manager, tools, cancellationToken);

        // No redirect: the device shows a code and polls; a person approves it elsewhere. The API scope is all it asks for.
        var device = new OpenIddictApplicationDescriptor
        {
            ClientId = FirstPartyClients.RoomDevice,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = "IopTelehealth room device",
            Permissions =
            {
                Permissions.Endpoints.DeviceAuthorization, Permissions.Endpoints.Token, Permissions.GrantTypes.DeviceCode,
                Permissions.GrantTypes.RefreshToken, Permissions.Prefixes.Scope + IopScopes.Api,
            },
        };
        await UpsertAsync(manager, device, cancellationToken);

        foreach (var service in settings.ServiceClients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = service.ClientId,
                ClientSecret = service.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = service.DisplayName ?? service.ClientId,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + IopScopes.Api },
            };
            descriptor.Properties[IopClaims.ClinicId] = JsonSerializer.SerializeToElement(service.ClinicId.ToString());
            await UpsertAsync(manager, descriptor, cancellationToken);
        }
    }

    private static void AddInteractivePermissions(OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + IopScopes.Api,
        ]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager manager, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await manager.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await manager.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
