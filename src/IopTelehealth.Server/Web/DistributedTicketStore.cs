using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace IopTelehealth.Server.Web;

/// <summary>
/// Keeps the web session's ticket (claims and the saved tokens) on the server: the cookie carries only a random key.
/// Tokens never reach the browser, and every request stays small on a phone's weak link. The ticket is encrypted
/// with Data Protection before it goes into the cache, so a shared cache (Redis) holds nothing readable.
/// </summary>
internal sealed class DistributedTicketStore(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private const string Prefix = "iop:web-session:";
    private readonly IDataProtector _protector = protection.CreateProtector("IopTelehealth.WebSessionTicket");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var bytes = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        var expires = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(1);
        return cache.SetAsync(Prefix + key, bytes, new DistributedCacheEntryOptions { AbsoluteExpiration = expires });
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(Prefix + key);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
}
