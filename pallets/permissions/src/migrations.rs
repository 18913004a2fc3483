//! Storage migrations.

/// Version 0 to 1: each quota gains the bounds on a transaction's length and weight.
pub mod v1 {
	use crate::{AccountKind, Config, Pallet, Quota, Quotas};
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// A quota as version 0 stored it: transactions per window, nothing more.
	#[derive(Encode, Decode)]
	pub struct QuotaV0<BlockNumber> {
		pub transactions: u32,
		pub window: BlockNumber,
	}

	/// Gives every stored quota no bound on a transaction's length and weight, so that the chain
	/// behaves as before until the city origin sets them (`permissions.setQuota`).
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut translated = 0u64;
			Quotas::<T>::translate::<QuotaV0<BlockNumberFor<T>>, _>(|_kind: AccountKind, old| {
				translated += 1;
				Some(Quota {
					transactions: old.transactions,
					window: old.window,
					max_length: u32::MAX,
					max_weight: Weight::MAX,
				})
			});
			T::DbWeight::get().reads_writes(translated, translated)
		}
	}

	/// [`UncheckedMigrateToV1`], run once: from storage version 0 to 1.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		UncheckedMigrateToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
