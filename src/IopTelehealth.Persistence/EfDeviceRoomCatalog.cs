using IopTelehealth.Identity.Devices;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence;

/// <summary>The clinic's therapy groups, as rooms a device can be bound to.</summary>
public sealed class EfDeviceRoomCatalog(IopDbContext db) : IDeviceRoomCatalog
{
    public async Task<IReadOnlyList<DeviceRoom>> RoomsAsync(Guid clinicId, CancellationToken cancellationToken = default) =>
        await db.Groups.AsNoTracking().Where(g => g.ClinicId == clinicId).OrderBy(g => g.Name)
            .Select(g => new DeviceRoom(g.Id, g.Name)).ToListAsync(cancellationToken);
}
