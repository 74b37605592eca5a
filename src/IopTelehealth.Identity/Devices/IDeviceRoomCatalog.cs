namespace IopTelehealth.Identity.Devices;

/// <summary>A clinic room a device can serve: the therapy group whose sessions it joins.</summary>
public sealed record DeviceRoom(Guid GroupId, string Name);

/// <summary>Port: the groups of a clinic, for the approver to choose from (the clinic database answers it).</summary>
public interface IDeviceRoomCatalog
{
    Task<IReadOnlyList<DeviceRoom>> RoomsAsync(Guid clinicId, CancellationToken cancellationToken = default);
}
