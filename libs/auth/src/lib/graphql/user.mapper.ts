import { jurisdictionOfUser } from '../auth.service';
import type { UserEntity } from '../user.entity';
import type { UserModel } from './auth.model';

export function toUserModel(user: UserEntity): UserModel {
  return {
    id: user.id,
    role: user.role,
    identifier: user.identifier,
    email: user.email,
    employerId: user.employerId,
    applicantId: user.applicantId,
    mustChangePassword: user.mustChangePassword,
    active: user.active,
    twoFactorEnabled: user.totpEnabledAt != null,
    jurisdiction: jurisdictionOfUser(user),
  };
}
