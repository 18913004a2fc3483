//! The pallets whose benchmarks the runtime runs (`seoul-node benchmark pallet`).

pub mod session;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_proxy, Proxy]
	[pallet_session, crate::benchmarks::session::Pallet::<Runtime>]
	[pallet_assets, Assets]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_city_council, CityCouncil]
	[pallet_registry, Registry]
	[pallet_permissions, Permissions]
	[pallet_citizen_card, CitizenCard]
	[pallet_s_coin, SCoin]
	[pallet_deposit_token, DepositToken]
	[pallet_validator_set, ValidatorSet]
);
