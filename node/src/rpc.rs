//! The node's JSON-RPC methods beyond the standard ones that `sc-service` installs.

use std::sync::Arc;

use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use seoul_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// The RPC methods of a full node: `system_accountNextIndex` and friends,
/// `payment_queryInfo`, and the city services' (`citizenCard_*`, `scoin_*`, `depositToken_*`).
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_citizen_card_runtime_api::CitizenCardApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_s_coin_runtime_api::SCoinApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_deposit_token_runtime_api::DepositTokenApi<Block, AccountId>,
	P: TransactionPool + 'static,
{
	use crate::{
		citizen_card_rpc::{CitizenCard, CitizenCardApiServer},
		deposit_token_rpc::{DepositToken, DepositTokenApiServer},
		s_coin_rpc::{SCoin, SCoinApiServer},
	};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(CitizenCard::new(client.clone()).into_rpc())?;
	module.merge(SCoin::new(client.clone()).into_rpc())?;
	module.merge(DepositToken::new(client).into_rpc())?;

	Ok(module)
}

/// The JSON-RPC error of a runtime API call that failed (code 1), for every service's methods.
pub(crate) fn runtime_error(error: impl std::fmt::Debug) -> jsonrpsee::types::ErrorObjectOwned {
	jsonrpsee::types::error::ErrorObject::owned(
		1,
		"the runtime could not answer",
		Some(format!("{error:?}")),
	)
}
