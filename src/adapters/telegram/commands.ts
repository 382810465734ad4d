import type { Api } from 'grammy';
import type { InboundMessage } from '../../app/inbound.js';

type CommandInput = Extract<InboundMessage['content'], { kind: 'command' }>['command'];

/**
 * Telegram command names and the engine command each means. The Indonesian names are the
 * ones registered; English aliases work for citizens who guess them.
 */
export const COMMAND_INPUTS: Readonly<Record<string, CommandInput>> = {
  start: 'start',
  menu: 'menu',
  status: 'status',
  petugas: 'officer',
  batal: 'cancel',
  bahasa: 'language',
  bantuan: 'help',
  help: 'help',
  officer: 'officer',
  cancel: 'cancel',
  language: 'language',
};

/** The command menu Telegram shows next to the text box, Indonesian first. */
export const COMMAND_MENU = {
  id: [
    { command: 'start', description: 'Mulai / halaman utama' },
    { command: 'menu', description: 'Daftar layanan' },
    { command: 'status', description: 'Cek status permohonan' },
    { command: 'petugas', description: 'Bicara dengan petugas' },
    { command: 'batal', description: 'Batalkan permohonan yang sedang diisi' },
    { command: 'bahasa', description: 'Ganti bahasa (Indonesia / English)' },
    { command: 'bantuan', description: 'Bantuan' },
  ],
  en: [
    { command: 'start', description: 'Start / home' },
    { command: 'menu', description: 'List of services' },
    { command: 'status', description: 'Check an application status' },
    { command: 'petugas', description: 'Talk to an officer' },
    { command: 'batal', description: 'Cancel the application in progress' },
    { command: 'bahasa', description: 'Change language (Indonesia / English)' },
    { command: 'bantuan', description: 'Help' },
  ],
} as const;

/** Registers the command menu: Indonesian for everyone, English for English-language clients. */
export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands([...COMMAND_MENU.id]);
  await api.setMyCommands([...COMMAND_MENU.en], { language_code: 'en' });
}
