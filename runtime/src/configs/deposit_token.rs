//! The KRW deposit token: one `pallet-assets` asset, fronted by `pallet-deposit-token`.

use frame_support::{
	parameter_types,
	traits::{fungible::ItemOf, AsEnsureOriginWithArg, ConstU128, ConstU32},
	PalletId,
};
use sp_runtime::traits::AccountIdConversion;

use super::governance::CityOrigin;
use crate::{AccountId, Assets, Balance, Balances, DepositToken, Permissions, Registry, Runtime};

/// The KRW deposit token's asset id, the only asset.
pub const KRW_ASSET_ID: u32 = 1;

parameter_types! {
	pub const Krw: u32 = KRW_ASSET_ID;
	/// The token's `pallet-assets` owner, issuer, admin and freezer: a keyless account. Banks
	/// mint and the city freezes through `DepositToken`; `pallet-assets`' own calls are filtered.
	pub const DepositTokenPalletId: PalletId = PalletId(*b"seoul/kw");
}

/// The keyless account that owns the KRW asset in `pallet-assets`.
pub fn krw_owner() -> AccountId {
	DepositTokenPalletId::get().into_account_truncating()
}

/// The KRW deposit token as `pallet-assets` holds it, for `pallet-deposit-token` itself.
pub type KrwAsset = ItemOf<Assets, Krw, AccountId>;

/// The KRW deposit token as a `fungible`, for service pallets (wages, subcontract payments,
/// subsidies, trust funds): a frozen account neither sends nor receives through it. Escrow:
/// `seoul_primitives::escrow_account`.
pub type KrwToken = pallet_deposit_token::Krw<Runtime>;

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1_000>;
	type AssetId = u32;
	type AssetIdParameter = codec::Compact<u32>;
	type ReserveData = ();
	type Currency = Balances;
	/// Nobody creates assets: the KRW token is created at genesis. The pallet's benchmarks
	/// create theirs, so a benchmarking build lets any signed account create one.
	#[cfg(not(feature = "runtime-benchmarks"))]
	type CreateOrigin = AsEnsureOriginWithArg<frame_system::EnsureNever<AccountId>>;
	#[cfg(feature = "runtime-benchmarks")]
	type CreateOrigin = AsEnsureOriginWithArg<frame_system::EnsureSigned<AccountId>>;
	type ForceOrigin = CityOrigin;
	/// Accounts never pay deposits: admission bounds who holds the token.
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
	type StringLimit = ConstU32<50>;
	/// The city's freezes.
	type Freezer = DepositToken;
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_deposit_token::Config for Runtime {
	type Token = KrwAsset;
	type Registry = Registry;
	type Admission = Permissions;
	type CityOrigin = CityOrigin;
	type WeightInfo = pallet_deposit_token::weights::SubstrateWeight<Runtime>;
}
