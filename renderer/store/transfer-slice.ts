import type { MethodInput, SavedFile } from '../../shared/api';
import type { Result } from '../../shared/result';
import type {
  ReceiptImported,
  SigningKeyInfo,
  TransferExported,
  TransferImported,
  TransferPreview,
} from '../../shared/transfer/format';
import { sessionCall } from './request';
import type { SliceCreator } from './types';

/**
 * The child protection file transfer. Nothing is kept in the store: each screen holds its own
 * answer, and every call resolves to null when the session ended before main answered.
 */
export type TransferSlice = {
  transferSigningKey: () => Promise<Result<SigningKeyInfo> | null>;
  exportTransfer: (
    input: MethodInput<'transfer.export'>,
  ) => Promise<Result<TransferExported> | null>;
  exportTransferPdf: (
    input: MethodInput<'transfer.exportPdf'>,
  ) => Promise<Result<SavedFile> | null>;
  inspectTransfer: (
    input: MethodInput<'transfer.inspect'>,
  ) => Promise<Result<TransferPreview> | null>;
  importTransfer: (
    input: MethodInput<'transfer.import'>,
  ) => Promise<Result<TransferImported> | null>;
  saveTransferReceipt: (bundleId: string) => Promise<Result<SavedFile> | null>;
  importTransferReceipt: (receipt: string) => Promise<Result<ReceiptImported> | null>;
};

export const createTransferSlice: SliceCreator<TransferSlice> = (_set, get) => ({
  transferSigningKey: () => sessionCall(get, 'transfer.signingKey', {}),
  exportTransfer: (input) => sessionCall(get, 'transfer.export', input),
  exportTransferPdf: (input) => sessionCall(get, 'transfer.exportPdf', input),
  inspectTransfer: (input) => sessionCall(get, 'transfer.inspect', input),
  importTransfer: (input) => sessionCall(get, 'transfer.import', input),
  saveTransferReceipt: (bundleId) => sessionCall(get, 'transfer.receipt', { bundleId }),
  importTransferReceipt: (receipt) => sessionCall(get, 'transfer.importReceipt', { receipt }),
});
