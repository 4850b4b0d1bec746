import { DELIVERY_STATUS_LABELS, type DeliveryList } from "../../../shared/src/notify/delivery";
import type { Db } from "../db/client";
import { dossierDeliveries } from "../db/repo/deliveries";

/** A dossier's notifications with their delivery through Zalo, for staff in scope (no phone, no OA id). */
export async function deliveriesOf(db: Db, dossierId: string): Promise<DeliveryList> {
  const rows = await dossierDeliveries(db, dossierId);
  return {
    items: rows.map((n) => ({
      id: n.id,
      title: n.title,
      createdAt: n.createdAt,
      status: n.deliveryStatus,
      statusLabel: DELIVERY_STATUS_LABELS[n.deliveryStatus],
      channel: n.deliveryChannel,
      attempts: n.deliveryAttempts,
      lastError: n.lastError,
      deliveredAt: n.deliveredAt,
    })),
  };
}
