using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IopTelehealth.Identity.Devices;

/// <summary>
/// RFC 8628 3.5 "slow_down": OpenIddict announces a polling interval but does not enforce it. A device code polled again
/// before the interval has passed since its last answered poll is refused with slow_down, before OpenIddict looks the code
/// up. Only answered polls are stamped, so a device that keeps to the interval is never stuck behind its own refused polls.
/// The stamp lives in the distributed cache (Redis with several nodes) under a hash of the code, never the code itself.
/// </summary>
public sealed class DevicePollThrottle(IDistributedCache cache, IOptions<IdentitySettings> settings) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseScopedHandler<DevicePollThrottle>()
        .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order - 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsDeviceCodeGrantType() || string.IsNullOrEmpty(context.Request.DeviceCode))
        {
            return;
        }

        var key = "iop:device-poll:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.Request.DeviceCode)));
        if (await cache.GetAsync(key, context.CancellationToken) is not null)
        {
            context.Reject(Errors.SlowDown, $"Poll at most every {settings.Value.DevicePollInterval.TotalSeconds:0} seconds.");
            return;
        }

        await cache.SetAsync(key, [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = settings.Value.DevicePollInterval },
            context.CancellationToken);
    }
}
