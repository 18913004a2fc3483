//! JSON-RPC for the KRW deposit token: `depositToken_balance` and `depositToken_bank`, plain
//! JSON over the runtime API `DepositTokenApi`.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_deposit_token_runtime_api::{DepositTokenApi as DepositTokenRuntimeApi, TokenAccount};
use seoul_runtime::{opaque::Block, AccountId, Balance};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

use crate::rpc::runtime_error;

/// A bank's totals, as `depositToken_bank` answers.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BankTotals {
	/// What the bank minted against deposits.
	pub minted: Balance,
	/// What it burnt on redemption.
	pub burnt: Balance,
	/// The tokens outstanding, all banks together.
	pub supply: Balance,
}

/// The deposit token's JSON-RPC methods. `at`: a block hash, or the best block when omitted.
#[rpc(server)]
pub trait DepositTokenApi<BlockHash> {
	/// The tokens of `account` (SS58), and whether it is frozen.
	#[method(name = "depositToken_balance")]
	fn balance(&self, account: AccountId, at: Option<BlockHash>) -> RpcResult<TokenAccount>;

	/// What bank `organization` minted and burnt, and the supply.
	#[method(name = "depositToken_bank")]
	fn bank(&self, organization: u32, at: Option<BlockHash>) -> RpcResult<BankTotals>;
}

/// Serves [`DepositTokenApiServer`] from a client.
pub struct DepositToken<C> {
	client: Arc<C>,
}

impl<C> DepositToken<C> {
	/// The methods, over `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> DepositTokenApiServer<<Block as BlockT>::Hash> for DepositToken<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DepositTokenRuntimeApi<Block, AccountId>,
{
	fn balance(
		&self,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<TokenAccount> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(self.client.runtime_api().account(at, account).map_err(runtime_error)?)
	}

	fn bank(
		&self,
		organization: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<BankTotals> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let (total, supply) =
			self.client.runtime_api().bank(at, organization).map_err(runtime_error)?;
		Ok(BankTotals { minted: total.minted, burnt: total.burnt, supply })
	}
}
