import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { MultilingualTextDto } from '../../common/multilingual-text/multilingual-text.dto';
import { IsName } from '../../common/validation/domain-validators';
import { SPEAKER_KINDS, SpeakerKind } from '../session-record-entry.entity';
import {
  SIGNER_KINDS,
  SIGNING_METHODS,
  SignerKind,
  SigningMethod,
} from '../session-signature.entity';

export class SpeakerDto {
  /** @example party */
  @IsIn(SPEAKER_KINDS)
  kind: SpeakerKind;

  /** For a party or an agent: the case party. */
  @IsOptional()
  @IsUUID()
  partyId?: string;

  /** For a mediator or interpreter. */
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  /** @example أحمد الحسن */
  @IsName(200)
  name: string;
}

export class RecordEntryDto {
  @ValidateNested()
  @Type(() => SpeakerDto)
  speaker: SpeakerDto;

  /** What was said, in the language spoken, with translations. */
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  text: MultilingualTextDto;

  /** Case attachments shown at this point. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  shownAttachmentIds?: string[];

  /** The entry this one corrects; required once the record is signed. */
  @IsOptional()
  @IsUUID()
  correctsEntryId?: string;
}

/** Changes an entry of an unsigned record. */
export class EditRecordEntryDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => SpeakerDto)
  speaker?: SpeakerDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  text?: MultilingualTextDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  shownAttachmentIds?: string[];
}

export class AttendanceMarkDto {
  /** An expected participant's key, as GET of the session lists them. @example party:6f1c... */
  @IsName(120)
  key: string;

  @IsBoolean()
  present: boolean;

  /** @example 因病请假 */
  @IsOptional()
  @IsName(500)
  note?: string;
}

export class AttendanceDto {
  /** One mark per expected participant. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  marks: AttendanceMarkDto[];
}

export class SignatureDto {
  /** @example party */
  @IsIn(SIGNER_KINDS)
  signerKind: SignerKind;

  @IsOptional()
  @IsUUID()
  partyId?: string;

  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  /** @example أحمد الحسن */
  @IsName(200)
  name: string;

  /** @example fingerprinted */
  @IsIn(SIGNING_METHODS)
  method: SigningMethod;

  /** A scan of the signed paper, uploaded as a case attachment. */
  @IsOptional()
  @IsUUID()
  scanAttachmentId?: string;
}

/** Signs the record: the mediators present and every party present (or their agent). */
export class SignRecordDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => SignatureDto)
  signatures: SignatureDto[];
}
